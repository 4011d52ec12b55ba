package dev.arbiter.server.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.store.model.PolicyJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile JSON bodies: a valid document of the endpoint's kind, seasoned with odd values anywhere
 * ({@link #season}), and, when the request must be refused, broken for certain ({@link #spoil}):
 * cut short, an unknown or duplicated top-level field, a required field of the wrong type, or a
 * policy or key whose content can never validate. A spoiled body can never be stored, whatever
 * the seasoning, so the store must come out of the run unchanged.
 */
final class JsonBodies {

    /** The kinds of documents the endpoints take. */
    enum Kind { CHECK, BATCH, POLICY, BUNDLE, KEY }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Bodies beyond the server's 4 MiB limit. */
    private static final int OVERSIZED = 4 * 1024 * 1024 + 4_096;

    private final Random random;
    private final List<String> notes = new ArrayList<>();
    /** Tokens in the serialized document replaced by raw bytes: a value with its quotes, or text inside a string. */
    private final Map<String, byte[]> values = new LinkedHashMap<>();
    private final Map<String, byte[]> inStrings = new LinkedHashMap<>();

    private JsonBodies(Random random) {
        this.random = random;
    }

    /** What a body is and what was done to it. */
    record Body(byte[] bytes, String notes) {}

    /**
     * A body of {@code kind}; spoiled when {@code mustFail}, else spoiled only sometimes.
     *
     * @param policyId the id a policy document must carry (the path's), or null for any
     */
    static Body of(Kind kind, String policyId, boolean mustFail, Random random) {
        return new JsonBodies(random).build(kind, policyId, mustFail);
    }

    private Body build(Kind kind, String policyId, boolean mustFail) {
        JsonNode document = valid(kind, policyId);
        int seasonings = random.nextInt(4);
        for (int i = 0; i < seasonings; i++) {
            document = season(document);
        }
        if (random.nextInt(200) == 0) {
            document = replaceSomewhere(document, NODES.textNode("x".repeat(OVERSIZED)), "oversized");
        }
        boolean spoil = mustFail || random.nextBoolean();
        Spoiling spoiling = spoil ? Spoiling.values()[random.nextInt(Spoiling.values().length)] : null;
        if (spoiling != null && spoiling.inTree) {
            document = spoilTree(kind, document, spoiling);
        }
        String text = write(document);
        if (spoiling == Spoiling.UNKNOWN_FIELD || spoiling == Spoiling.DUPLICATE_FIELD) {
            text = spoilText(document, text, spoiling);
        }
        byte[] bytes = encode(text);
        if (spoiling == Spoiling.TRUNCATED) {
            int length = random.nextInt(bytes.length);
            bytes = Arrays.copyOf(bytes, length);
            notes.add("truncated at " + length);
        }
        return new Body(bytes, String.join(", ", notes));
    }

    /** Ways to make a body that can never be stored. */
    private enum Spoiling {
        TRUNCATED(false), UNKNOWN_FIELD(false), DUPLICATE_FIELD(false), WRONG_TYPE(true), NOT_AN_OBJECT(true),
        INVALID_CONTENT(true);

        final boolean inTree;

        Spoiling(boolean inTree) {
            this.inTree = inTree;
        }
    }

    private JsonNode valid(Kind kind, String policyId) {
        return switch (kind) {
            case CHECK -> check();
            case BATCH -> {
                ObjectNode batch = NODES.objectNode();
                ArrayNode checks = batch.putArray("checks");
                for (int i = random.nextInt(3); i >= 0; i--) {
                    checks.add(check());
                }
                yield batch;
            }
            case POLICY -> policy(policyId == null ? "fuzz-" + random.nextInt(1_000) : policyId);
            case BUNDLE -> {
                ObjectNode bundle = NODES.objectNode();
                bundle.putArray("policies").add(policy("fuzz-bundled-" + random.nextInt(1_000)));
                bundle.putArray("services").add("fuzz-payments");
                yield bundle;
            }
            case KEY -> {
                ObjectNode key = NODES.objectNode().put("name", "fuzz-key-" + random.nextInt(1_000));
                key.putArray("roles").add("check");
                yield key;
            }
        };
    }

    private static JsonNode check() {
        return read("""
                {"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"],
                               "attr": {"env": "prod", "level": 3}},
                 "action": "charges:create",
                 "resource": {"service": "payments", "kind": "charge", "id": "ch_1",
                              "attr": {"amount": 5000, "env": "prod", "tags": ["a", "b"]}},
                 "context": {"sourceIp": "10.1.2.3", "nested": {"k": [1, 2.5, true, null]}}}""");
    }

    private static JsonNode policy(String id) {
        return read("""
                {"id": "%s", "service": "fuzz-payments", "description": "fuzzed", "mode": "enforce",
                 "rules": [
                   {"name": "charge", "effect": "allow", "principals": ["spiffe://acme.prod/*"], "roles": ["service"],
                    "actions": ["charges:*"], "kinds": ["charge"], "condition": "resource.attr.amount <= 10000"},
                   {"name": "no-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"]}]}"""
                .formatted(id));
    }

    /** One odd thing somewhere in the document. */
    private JsonNode season(JsonNode document) {
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                String token = "@@S" + inStrings.size() + "@@";
                inStrings.put(token, HostileValues.pick(random, HostileValues.IN_STRING));
                return replaceString(document, token);
            }
            case 2, 3 -> {
                return replaceWithRaw(document, HostileValues.pick(random, HostileValues.VALUES), "odd value");
            }
            case 4 -> {
                int depth = HostileValues.pick(random, List.of(31, 33, 64, 1_001, 20_000));
                return replaceWithRaw(document, HostileValues.nested(depth, random.nextBoolean()), "nested " + depth);
            }
            case 5 -> {
                int count = HostileValues.pick(random, List.of(10_001, 12_000));
                return replaceWithRaw(document, HostileValues.many(count, random.nextBoolean()), count + " values");
            }
            case 6 -> {
                int length = HostileValues.pick(random, List.of(16_385, 100_000));
                return replaceSomewhere(document, NODES.textNode("é".repeat(length)), "string of " + length);
            }
            case 7 -> {
                return replaceSomewhere(document, oddNode(), "wrong type");
            }
            default -> {
                ObjectNode target = pickObject(document);
                target.put("fuzz-unknown", random.nextInt());
                notes.add("unknown nested field");
                return document;
            }
        }
    }

    private JsonNode spoilTree(Kind kind, JsonNode document, Spoiling spoiling) {
        notes.add("spoiled: " + spoiling.name().toLowerCase());
        if (spoiling == Spoiling.NOT_AN_OBJECT || !document.isObject()) {
            return HostileValues.pick(random, List.<JsonNode>of(NODES.arrayNode().add(document), NODES.textNode("x"),
                    NODES.numberNode(1), NODES.nullNode(), NODES.booleanNode(true)));
        }
        ObjectNode root = (ObjectNode) document;
        if (spoiling == Spoiling.WRONG_TYPE) {
            String field = HostileValues.pick(random, requiredFields(kind));
            root.set(field, wrongTypeFor(root.get(field)));
            return root;
        }
        return invalidContent(kind, root);
    }

    /** Content no server may accept: policies and keys that never validate; for checks, a missing field. */
    private JsonNode invalidContent(Kind kind, ObjectNode root) {
        ObjectNode policy = switch (kind) {
            case POLICY -> root;
            case BUNDLE -> root.path("policies").path(0) instanceof ObjectNode first ? first : null;
            default -> null;
        };
        if (kind == Kind.KEY) {
            switch (random.nextInt(3)) {
                case 0 -> root.putArray("roles").add("root");
                case 1 -> root.putArray("roles");
                default -> root.put("name", "Not A Name");
            }
            return root;
        }
        if (policy == null) {
            root.remove(HostileValues.pick(random, requiredFields(kind)));
            return root;
        }
        ObjectNode rule = policy.path("rules").path(0) instanceof ObjectNode first ? first : policy.putArray("rules")
                .addObject();
        switch (random.nextInt(6)) {
            case 0 -> rule.putArray("actions");
            case 1 -> rule.put("condition", HostileValues.pick(random, List.of("(((", "1 + 1", "principle.id == 'x'",
                    "resource.attr.amount <=", "(".repeat(200) + "true" + ")".repeat(200), "x".repeat(5_000))));
            case 2 -> rule.put("effect", "maybe");
            case 3 -> {
                rule.remove("principals");
                rule.remove("roles");
            }
            case 4 -> policy.put("mode", "sometimes");
            default -> {
                rule.put("name", "twin");
                policy.withArray("rules").addObject().put("name", "twin").put("effect", "deny")
                        .putArray("actions").add("a");
            }
        }
        return root;
    }

    private static List<String> requiredFields(Kind kind) {
        return switch (kind) {
            case CHECK -> List.of("principal", "action", "resource");
            case BATCH -> List.of("checks");
            case POLICY -> List.of("service", "rules");
            case BUNDLE -> List.of("policies");
            case KEY -> List.of("name", "roles");
        };
    }

    /** A value of another JSON type than {@code current}, never null (which may mean "the default"). */
    private JsonNode wrongTypeFor(JsonNode current) {
        List<JsonNode> choices = new ArrayList<>(List.of(NODES.numberNode(7), NODES.booleanNode(false),
                NODES.arrayNode().add("x"), NODES.objectNode().put("a", 1), NODES.textNode("x")));
        choices.removeIf(choice -> current != null && choice.getNodeType() == current.getNodeType());
        return HostileValues.pick(random, choices);
    }

    /** A top-level field the schema does not know, or one given twice: text the tree cannot hold. */
    private String spoilText(JsonNode document, String text, Spoiling spoiling) {
        notes.add("spoiled: " + spoiling.name().toLowerCase());
        int open = text.indexOf('{');
        if (!document.isObject() || open < 0) {
            return "[" + text + "]";
        }
        String field = "fuzz-unknown";
        if (spoiling == Spoiling.DUPLICATE_FIELD && document.size() > 0) {
            List<String> names = new ArrayList<>();
            document.fieldNames().forEachRemaining(names::add);
            field = HostileValues.pick(random, names);
        }
        String member = "\"" + field + "\":" + HostileValues.pick(random, List.of("1", "\"x\"", "null", "{}")) + ",";
        return text.substring(0, open + 1) + member + text.substring(open + 1);
    }

    /** UTF-8 with the raw bytes put in; sometimes with a BOM, or in UTF-16 or UTF-32 when all is text. */
    private byte[] encode(String text) {
        if (values.isEmpty() && inStrings.isEmpty() && random.nextInt(20) == 0) {
            Charset charset = HostileValues.pick(random, List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16, Charset.forName("UTF-32")));
            notes.add("encoded in " + charset);
            return text.getBytes(charset);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> value : values.entrySet()) {
            bytes = replace(bytes, HostileValues.utf8("\"" + value.getKey() + "\""), value.getValue());
        }
        for (Map.Entry<String, byte[]> inString : inStrings.entrySet()) {
            bytes = replace(bytes, HostileValues.utf8(inString.getKey()), inString.getValue());
        }
        if (random.nextInt(30) == 0) {
            notes.add("UTF-8 BOM");
            return concat(HostileValues.bytes(0xEF, 0xBB, 0xBF), bytes);
        }
        return bytes;
    }

    private JsonNode replaceString(JsonNode document, String token) {
        notes.add("odd text");
        List<Slot> strings = slots(document).stream().filter(slot -> slot.value().isTextual()).toList();
        if (strings.isEmpty() || random.nextInt(4) == 0) {
            ObjectNode target = pickObject(document);
            target.put("k" + token, "v");
            return document;
        }
        Slot slot = HostileValues.pick(random, strings);
        String old = slot.value().textValue();
        int at = old.isEmpty() ? 0 : random.nextInt(old.length() + 1);
        slot.set(NODES.textNode(old.substring(0, at) + token + old.substring(at)));
        return document;
    }

    private JsonNode replaceWithRaw(JsonNode document, String raw, String note) {
        String token = "@@V" + values.size() + "@@";
        values.put(token, HostileValues.utf8(raw));
        return replaceSomewhere(document, NODES.textNode(token), note);
    }

    private JsonNode replaceSomewhere(JsonNode document, JsonNode replacement, String note) {
        notes.add(note);
        List<Slot> slots = slots(document);
        if (slots.isEmpty()) {
            return replacement;
        }
        HostileValues.pick(random, slots).set(replacement);
        return document;
    }

    private JsonNode oddNode() {
        return HostileValues.pick(random, List.<JsonNode>of(NODES.numberNode(7), NODES.numberNode(-1.5),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.textNode(""),
                NODES.arrayNode().add(NODES.objectNode()), NODES.numberNode(Long.MIN_VALUE)));
    }

    private ObjectNode pickObject(JsonNode document) {
        List<ObjectNode> objects = new ArrayList<>();
        if (document instanceof ObjectNode root) {
            objects.add(root);
        }
        for (Slot slot : slots(document)) {
            if (slot.value() instanceof ObjectNode object) {
                objects.add(object);
            }
        }
        return objects.isEmpty() ? NODES.objectNode() : HostileValues.pick(random, objects);
    }

    /** A place in the tree that holds a value: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        collect(node, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return PolicyJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return PolicyJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] bytes, byte[] token, byte[] replacement) {
        int at = indexOf(bytes, token);
        if (at < 0) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + replacement.length);
        out.write(bytes, 0, at);
        out.writeBytes(replacement);
        out.write(bytes, at + token.length, bytes.length - at - token.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] token) {
        outer:
        for (int i = 0; i <= bytes.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (bytes[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
