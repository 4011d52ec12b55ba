package dev.arbiter.server.cli.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.directory.DirectoryEntries;
import dev.arbiter.server.directory.EntityReader;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import java.util.List;
import java.util.Set;

/**
 * The suite's {@code directory}: what the server's directory would hold about principals and
 * resources, in the body {@code POST /v1/entities/_apply} takes. It is read by the server's own
 * reader into the engine's directory, which merges it into every check of the suite exactly as a
 * server does (and which explain reports on).
 */
final class FixtureDirectory {

    private static final Set<String> FIELDS = Set.of("principals", "resources");

    private FixtureDirectory() {}

    /** The directory {@code node} describes (empty for none), or null when it has problems, which are added. */
    static Directory read(JsonNode node, String path, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return Directory.EMPTY;
        }
        int before = problems.size();
        JsonFields fields = JsonFields.of(node, path, FIELDS, problems);
        if (fields != null) {
            for (JsonFields.Element element : fields.array("principals", false)) {
                Entities.principal(element.value(), element.path(), problems);
            }
            for (JsonFields.Element element : fields.array("resources", false)) {
                Entities.resource(element.value(), element.path(), problems);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            byte[] body = PolicyJson.MAPPER.writeValueAsBytes((ObjectNode) node);
            return DirectoryEntries.of(EntityReader.read(body)).applyTo(Directory.EMPTY);
        } catch (ApiException e) {
            problems.add(Problem.at(path, "the server would refuse it: " + e.getMessage()));
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
