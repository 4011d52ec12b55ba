package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one test of a suite into its checks: every principal with every resource and every
 * action it lists, each expected to be allowed when the test's {@code allow} names the action
 * and denied otherwise.
 */
final class TestReader {

    /** Most checks one test may make (principals x resources x actions). */
    static final int MAX_CHECKS = 10_000;

    private static final Set<String> FIELDS = Set.of("name", "principal", "principals", "resource", "resources",
            "actions", "allow", "deny", "context", "actionAttr", "now");

    private final Fixtures fixtures;
    private final long suiteNowMicros;

    TestReader(Fixtures fixtures, long suiteNowMicros) {
        this.fixtures = fixtures;
        this.suiteNowMicros = suiteNowMicros;
    }

    /** The test at {@code path}, or null (with its problems added) when it cannot be run. */
    SuiteTest read(JsonNode node, String path, List<Problem> problems) {
        int before = problems.size();
        JsonFields fields = JsonFields.of(node, path, FIELDS, problems);
        if (fields == null) {
            return null;
        }
        String name = fields.requiredString("name");
        List<Fixtures.Named> principals = references(node, path, "principal", problems, fixtures::principal);
        List<Fixtures.Named> resources = references(node, path, "resource", problems, fixtures::resource);
        Set<String> allow = new LinkedHashSet<>(fields.stringList("allow", false));
        Set<String> actions = new LinkedHashSet<>(fields.stringList("actions", false));
        actions.addAll(allow);
        for (String denied : fields.stringList("deny", false)) {
            if (allow.contains(denied)) {
                problems.add(Problem.at(JsonFields.child(path, "deny"), "'" + denied + "' is in both allow and deny"));
            }
            actions.add(denied);
        }
        if (actions.isEmpty()) {
            problems.add(Problem.at(path, "checks no action: list them in actions, allow or deny"));
        }
        Entities.optionalObject(node, "context", path, problems);
        Entities.optionalObject(node, "actionAttr", path, problems);
        long nowMicros = node.has("now") ? SuiteTime.micros(node.get("now"), JsonFields.child(path, "now"), problems)
                : suiteNowMicros;
        long checks = (long) principals.size() * resources.size() * actions.size();
        if (checks > MAX_CHECKS) {
            problems.add(Problem.at(path, "makes " + checks + " checks; a test makes at most " + MAX_CHECKS));
        }
        if (problems.size() > before) {
            return null;
        }
        List<CheckCase> cases = new ArrayList<>();
        try {
            for (Fixtures.Named principal : principals) {
                for (Fixtures.Named resource : resources) {
                    for (String action : actions) {
                        CheckRequest request = CheckDocument.request(principal.value(), action, resource.value(),
                                node.get("context"), node.get("actionAttr"));
                        cases.add(new CheckCase(principal.label() + " " + action + " " + resource.label(), request,
                                nowMicros, allow.contains(action)));
                    }
                }
            }
        } catch (ApiException e) {
            problems.add(Problem.at(path, "the server would refuse its check: " + e.getMessage()));
            return null;
        }
        return new SuiteTest(name, cases);
    }

    /** How a test names its principals or resources. */
    @FunctionalInterface
    private interface Resolver {
        Fixtures.Named resolve(JsonNode reference, String path, List<Problem> problems);
    }

    /** The test's {@code principal} (one) or {@code principals} (a list); exactly one of them must be given. */
    private static List<Fixtures.Named> references(JsonNode node, String path, String field, List<Problem> problems,
            Resolver resolver) {
        JsonNode one = node.get(field);
        JsonNode many = node.get(field + "s");
        if ((one == null) == (many == null)) {
            problems.add(Problem.at(path, "needs either " + field + " or " + field + "s"));
            return List.of();
        }
        List<Fixtures.Named> named = new ArrayList<>();
        if (one != null) {
            add(named, resolver.resolve(one, JsonFields.child(path, field), problems));
        } else if (!many.isArray() || many.isEmpty()) {
            problems.add(Problem.at(JsonFields.child(path, field + "s"), "must be a non-empty array"));
        } else {
            for (int i = 0; i < many.size(); i++) {
                add(named, resolver.resolve(many.get(i), JsonFields.child(path, field + "s") + "[" + i + "]",
                        problems));
            }
        }
        return named;
    }

    private static void add(List<Fixtures.Named> named, Fixtures.Named one) {
        if (one != null) {
            named.add(one);
        }
    }
}
