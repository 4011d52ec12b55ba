package dev.arbiter.store.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of policies. Reading is strict: unknown fields, duplicate keys, trailing content
 * and wrong types are rejected, because a typo must never silently widen or narrow access.
 */
public final class PolicyJson {

    /** Shared, thread-safe mapper configured for strict reading. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Fields the server adds on read; accepted on write so a read document can be written back. */
    private static final Set<String> SERVER_FIELDS = Set.of("version", "revision", "updatedAt", "updatedBy");
    private static final Set<String> POLICY_FIELDS = union(
            Set.of("id", "service", "description", "mode", "rules"), SERVER_FIELDS);
    private static final Set<String> RULE_FIELDS = Set.of(
            "name", "effect", "principals", "roles", "actions", "kinds", "condition");

    private PolicyJson() {}

    /** Parses a request body into a JSON tree; malformed JSON is an {@link InvalidDocumentException}. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw InvalidDocumentException.malformed("the request body is empty; a JSON document is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidDocumentException.malformed(malformedMessage(e));
        } catch (IOException e) {
            throw InvalidDocumentException.malformed("the request body could not be read: " + e.getMessage());
        }
    }

    /** A one-line description of a JSON parse failure with its position. */
    public static String malformedMessage(JsonProcessingException e) {
        return malformedMessage("JSON", e);
    }

    /** A one-line description of a parse failure of {@code format} (JSON, YAML) with its position. */
    public static String malformedMessage(String format, JsonProcessingException e) {
        String message = "malformed " + format + ": " + e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }

    /** Reads one policy from a request body. */
    public static Policy read(byte[] body) {
        return read(parse(body), "");
    }

    /** Reads one policy from a JSON tree located at {@code path} of a larger document. */
    public static Policy read(JsonNode node, String path) {
        List<Problem> problems = new ArrayList<>();
        Policy policy = read(node, path, problems);
        if (!problems.isEmpty()) {
            throw InvalidDocumentException.invalidShape(problems);
        }
        return policy;
    }

    /** Reads one policy, adding every shape problem to {@code problems}; the result is only valid when none were added. */
    public static Policy read(JsonNode node, String path, List<Problem> problems) {
        JsonFields fields = JsonFields.of(node, path, POLICY_FIELDS, problems);
        if (fields == null) {
            return null;
        }
        String id = fields.requiredString("id");
        String service = fields.requiredString("service");
        String description = fields.optionalString("description");
        PolicyMode mode = readMode(fields, path, problems);
        List<Rule> rules = new ArrayList<>();
        for (JsonFields.Element element : fields.array("rules", true)) {
            Rule rule = readRule(element, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new Policy(id, service, description == null ? "" : description, mode, rules);
    }

    private static PolicyMode readMode(JsonFields fields, String path, List<Problem> problems) {
        String mode = fields.optionalString("mode");
        if (mode == null) {
            return PolicyMode.ENFORCE;
        }
        PolicyMode parsed = JsonEnum.fromJson(PolicyMode.class, mode);
        if (parsed == null) {
            problems.add(Problem.at(JsonFields.child(path, "mode"), "must be \"enforce\" or \"dry_run\""));
            return PolicyMode.ENFORCE;
        }
        return parsed;
    }

    private static Rule readRule(JsonFields.Element element, List<Problem> problems) {
        JsonFields fields = JsonFields.of(element.value(), element.path(), RULE_FIELDS, problems);
        if (fields == null) {
            return null;
        }
        String name = fields.requiredString("name");
        String effectText = fields.requiredString("effect");
        Effect effect = JsonEnum.fromJson(Effect.class, effectText);
        if (effect == null && !effectText.isEmpty()) {
            problems.add(Problem.inRule(JsonFields.child(element.path(), "effect"), name, "must be \"allow\" or \"deny\""));
        }
        return new Rule(
                name,
                effect == null ? Effect.DENY : effect,
                fields.stringList("principals", false),
                fields.stringList("roles", false),
                fields.stringList("actions", true),
                fields.stringList("kinds", false),
                fields.optionalString("condition"));
    }

    /** The document as it is stored: the policy without server-added fields. */
    public static String toDocument(Policy policy) {
        return toJson(policy).toString();
    }

    /** Reads a document written by {@link #toDocument}. */
    public static Policy fromDocument(String document) {
        try {
            return read(MAPPER.readTree(document), "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy document is not JSON", e);
        }
    }

    /** The policy with the fields the server adds on read. */
    public static ObjectNode toJson(StoredPolicy stored) {
        ObjectNode json = toJson(stored.policy());
        json.put("version", stored.version());
        json.put("revision", stored.revision());
        json.put("updatedAt", stored.updatedAt().toString());
        json.put("updatedBy", stored.updatedBy());
        return json;
    }

    public static ObjectNode toJson(Policy policy) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", policy.id());
        json.put("service", policy.service());
        json.put("description", policy.description());
        json.put("mode", policy.mode().json());
        ArrayNode rules = json.putArray("rules");
        for (Rule rule : policy.rules()) {
            rules.add(toJson(rule));
        }
        return json;
    }

    private static ObjectNode toJson(Rule rule) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("name", rule.name());
        json.put("effect", rule.effect().json());
        strings(json.putArray("principals"), rule.principals());
        strings(json.putArray("roles"), rule.roles());
        strings(json.putArray("actions"), rule.actions());
        strings(json.putArray("kinds"), rule.kinds());
        if (rule.hasCondition()) {
            json.put("condition", rule.condition());
        }
        return json;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
