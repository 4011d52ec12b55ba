package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.cli.repo.Finding;
import dev.arbiter.server.cli.repo.SourceFile;
import dev.arbiter.server.cli.repo.SourcePositions;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.policy.PolicyDocuments;
import dev.arbiter.store.model.InvalidDocumentException;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a test suite, one JSON or YAML document, as strictly as the server reads policies:
 * unknown fields, duplicate keys, unknown fixtures and unknown policies are errors, each at its
 * line and column.
 */
public final class SuiteReader {

    private static final Set<String> FIELDS = Set.of("suite", "description", "now", "policies", "principals",
            "resources", "directory", "tests");

    /** The suite, or null when it has errors. */
    public record Read(TestSuite suite, List<Finding> errors) {}

    private SuiteReader() {}

    /**
     * Reads {@code file}.
     *
     * @param policyIds the ids of the repository's policies, which a suite may name
     * @param defaultNowMicros the {@code now} of a suite that gives none
     */
    public static Read read(SourceFile file, Set<String> policyIds, long defaultNowMicros) {
        if (file.blank()) {
            return new Read(null, List.of(Finding.error(file.name(),
                    "the file is empty; it should hold a test suite")));
        }
        JsonNode node;
        try {
            node = file.yaml() ? new PolicyDocuments(file.bytes(), true).one() : PolicyJson.parse(file.bytes());
        } catch (InvalidDocumentException e) {
            return new Read(null, List.of(Finding.error(file.name(), e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        TestSuite suite = suite(node, file.name(), policyIds, defaultNowMicros, problems);
        if (problems.isEmpty()) {
            return new Read(suite, List.of());
        }
        SourcePositions positions = SourcePositions.of(file);
        return new Read(null, problems.stream()
                .map(problem -> new Finding(Finding.Severity.ERROR, file.name(),
                        positions.find(0, problem.path()), null,
                        problem, null))
                .toList());
    }

    private static TestSuite suite(JsonNode node, String file, Set<String> policyIds, long defaultNowMicros,
            List<Problem> problems) {
        JsonFields fields = JsonFields.of(node, "", FIELDS, problems);
        if (fields == null) {
            return null;
        }
        String name = fields.requiredString("suite");
        fields.optionalString("description");
        Set<String> policies = new LinkedHashSet<>();
        for (JsonFields.Element element : fields.array("policies", false)) {
            if (!element.value().isTextual()) {
                problems.add(Problem.at(element.path(), "must be a policy id, found "
                        + JsonFields.describe(element.value())));
            } else if (!policyIds.contains(element.value().textValue())) {
                problems.add(Problem.at(element.path(), "names the policy '" + element.value().textValue()
                        + "', which the repository does not hold"));
            } else {
                policies.add(element.value().textValue());
            }
        }
        long nowMicros = node.has("now") ? SuiteTime.micros(node.get("now"), "now", problems) : defaultNowMicros;
        Directory directory = FixtureDirectory.read(node.get("directory"), "directory", problems);
        TestReader reader = new TestReader(Fixtures.read(node, problems), nowMicros);
        List<SuiteTest> tests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonFields.Element> elements = fields.array("tests", true);
        if (elements.isEmpty() && node.has("tests")) {
            problems.add(Problem.at("tests", "holds no test"));
        }
        for (JsonFields.Element element : elements) {
            SuiteTest test = reader.read(element.value(), element.path(), problems);
            if (test != null && !names.add(test.name())) {
                problems.add(Problem.at(element.path() + ".name", "a second test named '" + test.name() + "'"));
            } else if (test != null) {
                tests.add(test);
            }
        }
        return new TestSuite(name, file, policies, directory == null ? Directory.EMPTY : directory, tests);
    }
}
