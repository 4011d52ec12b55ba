package dev.arbiter.server.check;

import static dev.arbiter.server.check.JsonReading.duplicate;
import static dev.arbiter.server.check.JsonReading.expect;
import static dev.arbiter.server.check.JsonReading.invalid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.server.engine.RequestMap;
import dev.cel.common.values.NullValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON values straight into the form CEL evaluates: Long, Double, String, Boolean, CEL
 * null, lists, and {@link RequestMap}s. Every value read is spent from a budget of one request,
 * which bounds what conditions can walk.
 */
public final class CelValues {

    /** CEL's null, for front doors that read values from other formats. */
    public static final Object NULL = NullValue.NULL_VALUE;

    /** Most values (roles, attributes, context, nested elements) in one request. */
    public static final int MAX_VALUES = 10_000;

    /** The values one request may still hold; one per request, counted down as values are read. */
    public static final class Budget {
        private int left = MAX_VALUES;

        void spend(JsonParser parser) {
            if (--left < 0) {
                throw invalid(parser, "a check holds at most " + MAX_VALUES + " values in roles, attr and context");
            }
        }
    }

    private CelValues() {}

    /** An object, or the empty map for JSON null. */
    public static Map<String, Object> optionalObject(JsonParser parser, JsonToken token, Budget budget)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return RequestMap.empty();
        }
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        return object(parser, budget);
    }

    /** A list of strings, or the empty list for JSON null. */
    public static List<String> optionalStrings(JsonParser parser, JsonToken token, Budget budget) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(parser, token, JsonToken.START_ARRAY, "an array of strings");
        List<String> strings = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser, parser.currentToken(), JsonToken.VALUE_STRING, "a string");
            budget.spend(parser);
            strings.add(parser.getText());
        }
        return Collections.unmodifiableList(strings);
    }

    /** The members of an object whose START_OBJECT is current; a key given twice is refused. */
    public static Map<String, Object> object(JsonParser parser, Budget budget) throws IOException {
        RequestMap.Builder<Object> members = new RequestMap.Builder<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (!members.put(name, value(parser, parser.nextToken(), budget))) {
                throw duplicate(parser, name);
            }
        }
        return members.build();
    }

    /** Any JSON value, starting at {@code token}. */
    public static Object value(JsonParser parser, JsonToken token, Budget budget) throws IOException {
        budget.spend(parser);
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw invalid(parser, "integer out of the 64-bit range");
                }
                yield parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(value(parser, next, budget));
                }
                yield Collections.unmodifiableList(elements);
            }
            case START_OBJECT -> object(parser, budget);
            default -> throw invalid(parser, "unexpected " + token);
        };
    }
}
