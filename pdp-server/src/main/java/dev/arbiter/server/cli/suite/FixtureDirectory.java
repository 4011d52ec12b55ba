package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.Problem;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's {@code directory}: what the server's directory would hold about principals and
 * resources, merged into every check of the suite as the server merges its entries: roles are
 * the union, and an attribute the directory holds wins over the request's.
 *
 * <p>The one place where a test meets the directory. Once the engine has a directory of its
 * own, this class hands the entries to it instead of merging them into the request.
 */
final class FixtureDirectory {

    private static final Set<String> FIELDS = Set.of("principals", "resources");

    private final Map<String, ObjectNode> principals;
    private final Map<List<String>, ObjectNode> resources;

    private FixtureDirectory(Map<String, ObjectNode> principals, Map<List<String>, ObjectNode> resources) {
        this.principals = principals;
        this.resources = resources;
    }

    /** The entries of {@code node} ({@code {"principals": [...], "resources": [...]}}, as the server takes them). */
    static FixtureDirectory read(JsonNode node, String path, List<Problem> problems) {
        Map<String, ObjectNode> principals = new HashMap<>();
        Map<List<String>, ObjectNode> resources = new HashMap<>();
        JsonFields fields = node == null || node.isNull() ? null : JsonFields.of(node, path, FIELDS, problems);
        if (fields != null) {
            for (JsonFields.Element element : fields.array("principals", false)) {
                ObjectNode entry = Entities.principal(element.value(), element.path(), problems);
                if (entry != null && principals.putIfAbsent(entry.path("id").asText(), entry) != null) {
                    problems.add(Problem.at(element.path(), "a second entry for the principal '"
                            + entry.path("id").asText() + "'"));
                }
            }
            for (JsonFields.Element element : fields.array("resources", false)) {
                ObjectNode entry = Entities.resource(element.value(), element.path(), problems);
                if (entry != null && resources.putIfAbsent(resourceKey(entry), entry) != null) {
                    problems.add(Problem.at(element.path(), "a second entry for the resource '"
                            + Entities.resourceLabel(entry) + "'"));
                }
            }
        }
        return new FixtureDirectory(principals, resources);
    }

    /** The principal with its directory entry merged in. */
    ObjectNode principal(ObjectNode principal) {
        return merged(principal, principals.get(principal.path("id").asText()));
    }

    /** The resource with its directory entry merged in. */
    ObjectNode resource(ObjectNode resource) {
        return merged(resource, resources.get(resourceKey(resource)));
    }

    /** The server looks a resource up by service, kind and id; kind and id default to "". */
    private static List<String> resourceKey(JsonNode resource) {
        return List.of(resource.path("service").asText(), resource.path("kind").asText(""),
                resource.path("id").asText(""));
    }

    private static ObjectNode merged(ObjectNode request, ObjectNode entry) {
        if (entry == null) {
            return request;
        }
        ObjectNode merged = request.deepCopy();
        if (entry.has("roles")) {
            Set<String> roles = new LinkedHashSet<>();
            request.path("roles").forEach(role -> roles.add(role.asText()));
            entry.path("roles").forEach(role -> roles.add(role.asText()));
            ArrayNode union = merged.putArray("roles");
            roles.forEach(union::add);
        }
        if (entry.path("attr").isObject()) {
            ObjectNode attr = request.path("attr").isObject() ? ((ObjectNode) request.get("attr")).deepCopy()
                    : merged.objectNode();
            attr.setAll((ObjectNode) entry.get("attr"));
            merged.set("attr", attr);
        }
        return merged;
    }
}
