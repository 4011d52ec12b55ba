package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.arbiter.store.model.InvalidDocumentException;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request body holding policy documents, in JSON or, with a YAML content type, in YAML. Both are
 * read into the same JSON tree, so the same strict reading applies to either. Parsing is
 * blocking work: do it on a worker.
 */
public record PolicyDocuments(byte[] body, boolean yaml) {

    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A body labelled with {@code contentType} (null when unlabelled): YAML for a YAML media type, else JSON. */
    public static PolicyDocuments of(byte[] body, String contentType) {
        return new PolicyDocuments(body, isYaml(contentType));
    }

    /** The body as one document. */
    public JsonNode one() {
        if (!yaml) {
            return PolicyJson.parse(body);
        }
        List<JsonNode> documents = yamlDocuments();
        if (documents.size() != 1) {
            throw InvalidDocumentException.malformedYaml("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    /**
     * The body as a bundle, {@code {"policies": [...], "services": [...]}}. In YAML it may also be a
     * stream of policy documents ({@code ---} between them), read as the bundle of those policies.
     */
    public JsonNode bundle() {
        if (!yaml) {
            return PolicyJson.parse(body);
        }
        List<JsonNode> documents = yamlDocuments();
        if (documents.size() == 1 && documents.get(0).has("policies")) {
            return documents.get(0);
        }
        ObjectNode bundle = PolicyJson.MAPPER.createObjectNode();
        ArrayNode policies = bundle.putArray("policies");
        documents.forEach(policies::add);
        return bundle;
    }

    private static boolean isYaml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return YAML_TYPES.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    private List<JsonNode> yamlDocuments() {
        // From a parser of its own: given the bytes, the iterator would read a root sequence as a stream
        // of its elements, and "- {bundle}" would pass for the bundle.
        try (JsonParser parser = YAML.createParser(body);
                MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(parser)) {
            List<JsonNode> all = documents.readAll().stream().filter(document -> !document.isMissingNode()).toList();
            if (all.isEmpty()) {
                throw InvalidDocumentException.malformedYaml("the request body holds no YAML document");
            }
            return all;
        } catch (JsonProcessingException e) {
            throw InvalidDocumentException.malformedYaml(PolicyJson.malformedMessage("YAML", e));
        } catch (IOException e) {
            throw InvalidDocumentException.malformedYaml("the request body could not be read: " + e.getMessage());
        }
    }
}
