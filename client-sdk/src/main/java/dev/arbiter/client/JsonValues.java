package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java values that are JSON: String, Long, Double, Boolean, null, List and Map with String
 * keys. Attribute values are normalized to these forms once, when a request is built, so equal
 * requests are equal records (the cache key) and encoding never meets a type it cannot write.
 */
final class JsonValues {

    static final JsonFactory FACTORY = new JsonFactory();

    private JsonValues() {}

    /** An immutable copy of {@code members} with every value normalized; {@code path} names it in errors. */
    static Map<String, Object> object(Map<String, ?> members, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> member : members.entrySet()) {
            String key = member.getKey();
            if (key == null) {
                throw new IllegalArgumentException(path + ": keys must not be null");
            }
            copy.put(key, normalize(member.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** {@code members} with {@code key} set to {@code value}, normalized. */
    static Map<String, Object> with(Map<String, Object> members, String key, Object value, String path) {
        if (key == null) {
            throw new IllegalArgumentException(path + ": keys must not be null");
        }
        Map<String, Object> copy = new LinkedHashMap<>(members);
        copy.put(key, normalize(value, path + "." + key));
        return Collections.unmodifiableMap(copy);
    }

    /** {@code members} with every entry of {@code more} added, normalized. */
    static Map<String, Object> withAll(Map<String, Object> members, Map<String, ?> more, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(members);
        copy.putAll(object(more, path));
        return Collections.unmodifiableMap(copy);
    }

    static Object normalize(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            return finite(((Number) value).doubleValue(), path);
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException(path + ": integer " + big + " is outside the 64-bit range");
            }
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return finite(decimal.doubleValue(), path);
        }
        if (value instanceof Map<?, ?> map) {
            return mapOfStrings(map, path);
        }
        if (value instanceof Collection<?> elements) {
            List<Object> copy = new ArrayList<>(elements.size());
            int index = 0;
            for (Object element : elements) {
                copy.add(normalize(element, path + "[" + index++ + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + ": a " + value.getClass().getName()
                + " is not a JSON value; use String, a number, Boolean, null, a List or a Map with String keys");
    }

    private static Map<String, Object> mapOfStrings(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": map keys must be strings, not " + member.getKey());
            }
            copy.put(key, normalize(member.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Double finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(path + ": " + value + " is not a JSON number");
        }
        return value;
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    interface Writing {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    /** The document {@code writing} produces; its values are normalized, so writing cannot fail on them. */
    static byte[] document(int sizeHint, Writing writing) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(sizeHint);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("a request could not be encoded", e);
        }
        return bytes.toByteArray();
    }

    /** Writes a normalized value. */
    static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof List<?> elements) {
            generator.writeStartArray();
            for (Object element : elements) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else {
            writeObject(generator, (Map<?, ?>) value);
        }
    }

    static void writeObject(JsonGenerator generator, Map<?, ?> members) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            generator.writeFieldName((String) member.getKey());
            write(generator, member.getValue());
        }
        generator.writeEndObject();
    }

    /** Reads the value that starts at {@code token} into the forms above. */
    static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the document ends early");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(read(parser, next));
                }
                yield Collections.unmodifiableList(elements);
            }
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    members.put(name, read(parser, parser.nextToken()));
                }
                yield Collections.unmodifiableMap(members);
            }
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** Parses a whole document. */
    static Object parse(byte[] document) throws IOException {
        try (JsonParser parser = FACTORY.createParser(document)) {
            Object value = read(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IOException("content after the end of the document");
            }
            return value;
        }
    }
}
