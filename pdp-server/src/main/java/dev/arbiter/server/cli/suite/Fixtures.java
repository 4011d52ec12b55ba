package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A suite's named principals and resources, which its tests refer to by name (or write inline).
 */
final class Fixtures {

    /** A principal or resource a test uses, and the name messages give it. */
    record Named(String label, ObjectNode value) {}

    /** How one kind of fixture is checked and named. */
    private record Kind(String noun, Shape shape, Function<JsonNode, String> label) {}

    @FunctionalInterface
    private interface Shape {
        ObjectNode read(JsonNode node, String path, List<Problem> problems);
    }

    private static final Kind PRINCIPAL = new Kind("principal", Entities::principal, Entities::principalLabel);
    private static final Kind RESOURCE = new Kind("resource", Entities::resource, Entities::resourceLabel);

    private final Map<String, ObjectNode> principals;
    private final Map<String, ObjectNode> resources;

    private Fixtures(Map<String, ObjectNode> principals, Map<String, ObjectNode> resources) {
        this.principals = principals;
        this.resources = resources;
    }

    /** The fixtures of the suite {@code suite}, its problems added to {@code problems}. */
    static Fixtures read(JsonNode suite, List<Problem> problems) {
        return new Fixtures(named(suite.get("principals"), "principals", PRINCIPAL, problems),
                named(suite.get("resources"), "resources", RESOURCE, problems));
    }

    /** The principal {@code reference} names (a fixture's name) or is (an inline object); null if none. */
    Named principal(JsonNode reference, String path, List<Problem> problems) {
        return resolve(reference, path, PRINCIPAL, principals, problems);
    }

    /** The resource {@code reference} names or is; null if none. */
    Named resource(JsonNode reference, String path, List<Problem> problems) {
        return resolve(reference, path, RESOURCE, resources, problems);
    }

    private static Named resolve(JsonNode reference, String path, Kind kind, Map<String, ObjectNode> fixtures,
            List<Problem> problems) {
        if (reference.isTextual()) {
            ObjectNode fixture = fixtures.get(reference.textValue());
            if (fixture == null) {
                problems.add(Problem.at(path, "names the " + kind.noun() + " '" + reference.textValue()
                        + "', which the suite does not define; it defines "
                        + (fixtures.isEmpty() ? "none" : String.join(", ", fixtures.keySet()))));
                return null;
            }
            return new Named(reference.textValue(), fixture);
        }
        ObjectNode inline = kind.shape().read(reference, path, problems);
        return inline == null ? null : new Named(kind.label().apply(inline), inline);
    }

    private static Map<String, ObjectNode> named(JsonNode node, String path, Kind kind, List<Problem> problems) {
        Map<String, ObjectNode> named = new TreeMap<>();
        if (node == null || node.isNull()) {
            return named;
        }
        if (!node.isObject()) {
            problems.add(Problem.at(path, "must be an object of named " + kind.noun() + "s, found "
                    + JsonFields.describe(node)));
            return named;
        }
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ObjectNode fixture = kind.shape().read(node.get(name), JsonFields.child(path, name), problems);
            if (fixture != null) {
                named.put(name, fixture);
            }
        }
        return named;
    }
}
