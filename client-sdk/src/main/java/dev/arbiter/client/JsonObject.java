package dev.arbiter.client;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of a parsed JSON object from a server answer; a missing or mistyped field is malformed. */
final class JsonObject {

    private final Map<String, Object> members;

    private JsonObject(Map<String, Object> members) {
        this.members = members;
    }

    static JsonObject parse(byte[] body) throws MalformedAnswerException {
        try {
            return of(JsonValues.parse(body), "the answer");
        } catch (IOException e) {
            throw new MalformedAnswerException("the answer is not JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static JsonObject of(Object value, String name) throws MalformedAnswerException {
        if (!(value instanceof Map<?, ?>)) {
            throw new MalformedAnswerException(name + " is not a JSON object");
        }
        return new JsonObject((Map<String, Object>) value);
    }

    boolean has(String field) {
        return members.get(field) != null;
    }

    String string(String field) throws MalformedAnswerException {
        return typed(field, String.class);
    }

    /** The string, or {@code absent} when the field is missing or null. */
    String optionalString(String field, String absent) throws MalformedAnswerException {
        return has(field) ? string(field) : absent;
    }

    long number(String field) throws MalformedAnswerException {
        return typed(field, Long.class);
    }

    /** The number, or null when the field is missing or null. */
    Long optionalNumber(String field) throws MalformedAnswerException {
        return has(field) ? number(field) : null;
    }

    boolean bool(String field) throws MalformedAnswerException {
        return typed(field, Boolean.class);
    }

    int optionalInt(String field) throws MalformedAnswerException {
        return has(field) ? Math.toIntExact(number(field)) : 0;
    }

    Instant instant(String field) throws MalformedAnswerException {
        try {
            return Instant.parse(string(field));
        } catch (DateTimeParseException e) {
            throw new MalformedAnswerException(field + " is not an ISO-8601 instant");
        }
    }

    /** The instant, or null when the field is missing or null. */
    Instant optionalInstant(String field) throws MalformedAnswerException {
        return has(field) ? instant(field) : null;
    }

    JsonObject object(String field) throws MalformedAnswerException {
        return of(members.get(field), field);
    }

    /** The members of an object field, as plain JSON values. */
    Map<String, Object> members(String field) throws MalformedAnswerException {
        return object(field).members;
    }

    /** The elements of an array field; a missing or null field is an empty list. */
    List<Object> array(String field) throws MalformedAnswerException {
        return elements(members.get(field), field);
    }

    List<JsonObject> objects(String field) throws MalformedAnswerException {
        return objectsOf(members.get(field), field);
    }

    /** The elements of a JSON array value; null is an empty list. */
    static List<Object> elements(Object value, String name) throws MalformedAnswerException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> elements)) {
            throw new MalformedAnswerException(name + " is not an array");
        }
        return List.copyOf(elements);
    }

    /** The objects of a JSON array value; null is an empty list. */
    static List<JsonObject> objectsOf(Object value, String name) throws MalformedAnswerException {
        List<JsonObject> objects = new ArrayList<>();
        for (Object element : elements(value, name)) {
            objects.add(of(element, name + "[]"));
        }
        return objects;
    }

    List<String> strings(String field) throws MalformedAnswerException {
        List<String> strings = new ArrayList<>();
        for (Object element : array(field)) {
            if (!(element instanceof String text)) {
                throw new MalformedAnswerException(field + " holds a value that is not a string");
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    private <T> T typed(String field, Class<T> type) throws MalformedAnswerException {
        Object value = members.get(field);
        if (!type.isInstance(value)) {
            throw new MalformedAnswerException(field + " is missing or not a " + type.getSimpleName().toLowerCase());
        }
        return type.cast(value);
    }
}
