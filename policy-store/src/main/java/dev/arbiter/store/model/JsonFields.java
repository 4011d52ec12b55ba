package dev.arbiter.store.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object strictly: unknown fields, missing required fields and
 * wrong types are recorded as problems with their path instead of failing at the first one, so a
 * caller learns everything that is wrong at once.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;

    private JsonFields(JsonNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The object at {@code path}, or null (with a problem recorded) when it is not an object. */
    public static JsonFields of(JsonNode node, String path, Set<String> known, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(Problem.at(path, "must be a JSON object, found " + describe(node)));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(Problem.at(child(path, name), "unknown field"));
            }
        }
        return new JsonFields(node, path, problems);
    }

    public static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }

    public String requiredString(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            problems.add(Problem.at(child(path, field), "is required"));
            return "";
        }
        return string(field, value, "");
    }

    /** The string value, or null when the field is absent. */
    public String optionalString(String field) {
        JsonNode value = node.get(field);
        return value == null ? null : string(field, value, null);
    }

    private String string(String field, JsonNode value, String fallback) {
        if (!value.isTextual()) {
            problems.add(Problem.at(child(path, field), "must be a string, found " + describe(value)));
            return fallback;
        }
        return value.textValue();
    }

    /** The list of strings, empty when the field is absent and not required. */
    public List<String> stringList(String field, boolean required) {
        List<String> strings = new ArrayList<>();
        for (Element element : array(field, required)) {
            if (element.value().isTextual()) {
                strings.add(element.value().textValue());
            } else {
                problems.add(Problem.at(element.path(), "must be a string, found " + describe(element.value())));
            }
        }
        return strings;
    }

    /** The elements of an array field with their paths, empty when absent and not required. */
    public List<Element> array(String field, boolean required) {
        JsonNode value = node.get(field);
        String fieldPath = child(path, field);
        if (value == null) {
            if (required) {
                problems.add(Problem.at(fieldPath, "is required"));
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(Problem.at(fieldPath, "must be an array, found " + describe(value)));
            return List.of();
        }
        List<Element> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(fieldPath + "[" + i + "]", value.get(i)));
        }
        return elements;
    }

    /** One array element and where it sits in the document. */
    public record Element(String path, JsonNode value) {}
}
