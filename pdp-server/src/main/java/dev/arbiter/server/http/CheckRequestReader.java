package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.store.model.PolicyJson;
import dev.cel.common.values.NullValue;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Parses check requests by streaming straight into the request records, with values already in
 * CEL form (Long, Double, String, Boolean, CEL null, lists, maps). Strict: unknown fields,
 * duplicate keys and wrong types are 400s whose path is only computed when there is an error.
 */
final class CheckRequestReader {

    static final int MAX_BATCH = 1_000;
    static final int MAX_DEPTH = 32;
    /** Longest string anywhere in a check: string functions in conditions grow with their inputs. */
    static final int MAX_STRING_LENGTH = 16 * 1024;
    /** Most values (roles, attributes, context, nested elements) in one check: bounds what conditions walk. */
    static final int MAX_VALUES = 10_000;

    /** Duplicate keys are found by the reader itself, without the per-object set Jackson's detection builds. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .build())
            .build();

    /** The values one check may still hold; one per check, counted down as values are read. */
    private static final class ValueBudget {
        private int left = MAX_VALUES;

        void spend(JsonParser parser) {
            if (--left < 0) {
                throw invalid(parser, "a check holds at most " + MAX_VALUES + " values in roles, attr and context");
            }
        }
    }

    /** The members of one object of fixed shape read so far, to refuse a member given twice. */
    private static final class Members {
        private final String[] names = new String[6];
        private int count;

        /** Records {@code name}, the current member of the parser's object; a second time is a 400. */
        void add(JsonParser parser, String name) {
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    throw duplicate(parser, name);
                }
            }
            if (count < names.length) {
                names[count++] = name;
            }
        }
    }

    private CheckRequestReader() {}

    static CheckRequest readCheck(Buffer body) {
        return parse(body, parser -> readCheckObject(parser));
    }

    static List<CheckRequest> readBatch(Buffer body) {
        return parse(body, parser -> {
            List<CheckRequest> checks = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!"checks".equals(parser.currentName())) {
                    throw invalid(parser, "unknown field");
                }
                if (checks != null) {
                    throw duplicate(parser, "checks");
                }
                expect(parser, parser.nextToken(), JsonToken.START_ARRAY, "an array of checks");
                checks = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (checks.size() == MAX_BATCH) {
                        throw ApiException.badRequest("checks", "a batch holds at most " + MAX_BATCH + " checks");
                    }
                    expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "a check object");
                    checks.add(readCheckObject(parser));
                }
            }
            if (checks == null) {
                throw ApiException.badRequest("checks", "is required");
            }
            return checks;
        });
    }

    /** Reads the members of one JSON object from the parser positioned on its START_OBJECT. */
    @FunctionalInterface
    private interface ObjectReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Parses a whole body holding one JSON object; every parse failure is a 400. */
    private static <T> T parse(Buffer body, ObjectReader<T> reader) {
        try (JsonParser parser = FACTORY.createParser(bytes(body))) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            T result = reader.read(parser);
            expectEnd(parser);
            return result;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the check exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", PolicyJson.malformedMessage(e));
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(Buffer body) {
        if (body == null || body.length() == 0) {
            throw new ApiException(400, "malformed_json", "the request body is empty; a JSON document is required");
        }
        return body.getBytes();
    }

    /** Reads one check; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    private static CheckRequest readCheckObject(JsonParser parser) throws IOException {
        ValueBudget budget = new ValueBudget();
        Members members = new Members();
        Principal principal = null;
        String action = null;
        Resource resource = null;
        Map<String, Object> context = RequestMap.empty();
        long minRevision = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            members.add(parser, field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "principal" -> principal = readPrincipal(parser, value, budget);
                case "action" -> action = requiredString(parser, value);
                case "resource" -> resource = readResource(parser, value, budget);
                case "context" -> context = optionalObject(parser, value, budget);
                case "minRevision" -> minRevision = readRevision(parser, value);
                default -> throw invalid(parser, "unknown field");
            }
        }
        if (principal == null) {
            throw missing(parser, "principal");
        }
        if (action == null) {
            throw missing(parser, "action");
        }
        if (resource == null) {
            throw missing(parser, "resource");
        }
        return new CheckRequest(principal, action, resource, context, minRevision);
    }

    private static Principal readPrincipal(JsonParser parser, JsonToken token, ValueBudget budget) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String id = null;
        List<String> roles = List.of();
        Map<String, Object> attr = RequestMap.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            members.add(parser, field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = requiredString(parser, value);
                case "roles" -> roles = readRoles(parser, value, budget);
                case "attr" -> attr = optionalObject(parser, value, budget);
                default -> throw invalid(parser, "unknown field");
            }
        }
        if (id == null) {
            throw missing(parser, "id");
        }
        return new Principal(id, roles, attr);
    }

    private static Resource readResource(JsonParser parser, JsonToken token, ValueBudget budget) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String service = null;
        String kind = "";
        String id = "";
        Map<String, Object> attr = RequestMap.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            members.add(parser, field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "service" -> service = requiredString(parser, value);
                case "kind" -> kind = optionalString(parser, value);
                case "id" -> id = optionalString(parser, value);
                case "attr" -> attr = optionalObject(parser, value, budget);
                default -> throw invalid(parser, "unknown field");
            }
        }
        if (service == null) {
            throw missing(parser, "service");
        }
        return new Resource(service, kind, id, attr);
    }

    private static String requiredString(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.VALUE_STRING, "a non-empty string");
        String value = parser.getText();
        if (value.isEmpty()) {
            throw invalid(parser, "must be a non-empty string");
        }
        return value;
    }

    private static String optionalString(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        expect(parser, token, JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    private static List<String> readRoles(JsonParser parser, JsonToken token, ValueBudget budget) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(parser, token, JsonToken.START_ARRAY, "an array of strings");
        List<String> roles = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser, parser.currentToken(), JsonToken.VALUE_STRING, "a string");
            budget.spend(parser);
            roles.add(parser.getText());
        }
        return Collections.unmodifiableList(roles);
    }

    private static long readRevision(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || parser.getLongValue() < 0) {
            throw invalid(parser, "must be a non-negative integer revision");
        }
        return parser.getLongValue();
    }

    private static Map<String, Object> optionalObject(JsonParser parser, JsonToken token, ValueBudget budget)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return RequestMap.empty();
        }
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        return readObject(parser, budget);
    }

    /** Reads the members of an object whose START_OBJECT is current. */
    private static Map<String, Object> readObject(JsonParser parser, ValueBudget budget) throws IOException {
        RequestMap.Builder<Object> members = new RequestMap.Builder<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (!members.put(name, readValue(parser, parser.nextToken(), budget))) {
                throw duplicate(parser, name);
            }
        }
        return members.build();
    }

    /** Any JSON value, in the form CEL expects. */
    private static Object readValue(JsonParser parser, JsonToken token, ValueBudget budget) throws IOException {
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
            case VALUE_NULL -> NullValue.NULL_VALUE;
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    elements.add(readValue(parser, next, budget));
                }
                yield Collections.unmodifiableList(elements);
            }
            case START_OBJECT -> readObject(parser, budget);
            default -> throw invalid(parser, "unexpected " + token);
        };
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String description) {
        if (actual != expected) {
            throw invalid(parser, "must be " + description + ", found " + describe(actual));
        }
    }

    private static void expectEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new ApiException(400, "malformed_json", "malformed JSON: content after the end of the document");
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** After an object's END_OBJECT the parser's context is already the object's parent. */
    private static ApiException missing(JsonParser parser, String field) {
        String parent = path(parser.getParsingContext());
        return ApiException.badRequest(parent.isEmpty() ? field : parent + "." + field, "is required");
    }

    /** A key given twice: as malformed as JSON that does not parse, and said the same way. */
    private static ApiException duplicate(JsonParser parser, String name) {
        JsonLocation location = parser.currentTokenLocation();
        return new ApiException(400, "malformed_json", "malformed JSON: Duplicate field '" + name + "' (line "
                + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    private static ApiException invalid(JsonParser parser, String message) {
        return ApiException.badRequest(path(parser.getParsingContext()), message);
    }

    /** The dotted path of the parser's position, e.g. {@code checks[2].principal.attr.tags[0]}. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            // Right after its START_ARRAY an array has no current element: the path is the array's.
            return context.getEntryCount() == 0 ? parent : parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = context.getCurrentName();
        if (name == null) {
            return parent;
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
