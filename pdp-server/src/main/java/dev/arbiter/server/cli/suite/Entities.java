package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.Problem;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The shape of the principals and resources a suite writes down (fixtures, inline ones in a
 * test, directory entries): the members of a check's, plus a principal's {@code type}. Values
 * are kept as JSON and read into CEL values by the server's check codec when a check is made.
 */
final class Entities {

    private static final Set<String> PRINCIPAL = Set.of("id", "type", "roles", "attr");
    private static final Set<String> RESOURCE = Set.of("service", "kind", "id", "attr");

    private Entities() {}

    /** The principal at {@code path}, or null (with its problems added) when it is not one. */
    static ObjectNode principal(JsonNode node, String path, List<Problem> problems) {
        return read(node, path, PRINCIPAL, problems, fields -> {
            fields.requiredString("id");
            fields.optionalString("type");
            fields.stringList("roles", false);
        });
    }

    /** The resource at {@code path}, or null (with its problems added) when it is not one. */
    static ObjectNode resource(JsonNode node, String path, List<Problem> problems) {
        return read(node, path, RESOURCE, problems, fields -> {
            fields.requiredString("service");
            fields.optionalString("kind");
            fields.optionalString("id");
        });
    }

    private static ObjectNode read(JsonNode node, String path, Set<String> known, List<Problem> problems,
            Consumer<JsonFields> members) {
        int before = problems.size();
        JsonFields fields = JsonFields.of(node, path, known, problems);
        if (fields != null) {
            members.accept(fields);
            optionalObject(node, "attr", path, problems);
        }
        return problems.size() == before ? (ObjectNode) node : null;
    }

    /** How a principal is named in messages: its id. */
    static String principalLabel(JsonNode principal) {
        return principal.path("id").asText();
    }

    /** How a resource is named in messages: service/kind/id, without the parts it leaves out. */
    static String resourceLabel(JsonNode resource) {
        StringBuilder label = new StringBuilder(resource.path("service").asText());
        for (String part : List.of("kind", "id")) {
            if (!resource.path(part).asText().isEmpty()) {
                label.append('/').append(resource.path(part).asText());
            }
        }
        return label.toString();
    }

    /** An optional member that must be an object when given: attr, context, actionAttr. */
    static void optionalObject(JsonNode parent, String field, String path, List<Problem> problems) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isObject() && !value.isNull()) {
            problems.add(Problem.at(JsonFields.child(path, field), "must be an object, found "
                    + JsonFields.describe(value)));
        }
    }
}
