package dev.arbiter.server.check;

import static dev.arbiter.server.check.JsonReading.duplicate;
import static dev.arbiter.server.check.JsonReading.expect;
import static dev.arbiter.server.check.JsonReading.invalid;
import static dev.arbiter.server.check.JsonReading.missing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.server.error.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the check requests of {@code /v1} strictly: unknown fields, duplicate keys and wrong
 * types are 400s. Streams straight into the engine's records.
 */
final class CheckReader {

    static final int MAX_BATCH = 1_000;

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

    private CheckReader() {}

    /** The checks of a batch body, {@code {"checks": [...]}}; the parser is on its START_OBJECT. */
    static List<CheckRequest> batch(JsonParser parser) throws IOException {
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
                checks.add(check(parser));
            }
        }
        if (checks == null) {
            throw ApiException.badRequest("checks", "is required");
        }
        return checks;
    }

    /** One check; the parser is on its START_OBJECT and is left on its END_OBJECT. */
    static CheckRequest check(JsonParser parser) throws IOException {
        CelValues.Budget budget = new CelValues.Budget();
        Members members = new Members();
        Principal principal = null;
        String action = null;
        Resource resource = null;
        Map<String, Object> context = RequestMap.empty();
        Map<String, Object> actionAttr = RequestMap.empty();
        long minRevision = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            members.add(parser, field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "principal" -> principal = principal(parser, value, budget);
                case "action" -> action = requiredString(parser, value);
                case "resource" -> resource = resource(parser, value, budget);
                case "context" -> context = CelValues.optionalObject(parser, value, budget);
                case "actionAttr" -> actionAttr = CelValues.optionalObject(parser, value, budget);
                case "minRevision" -> minRevision = revision(parser, value);
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
        return new CheckRequest(principal, action, resource, context, actionAttr, minRevision);
    }

    private static Principal principal(JsonParser parser, JsonToken token, CelValues.Budget budget) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String id = null;
        String type = "";
        List<String> roles = List.of();
        Map<String, Object> attr = RequestMap.empty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            members.add(parser, field);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = requiredString(parser, value);
                case "type" -> type = optionalString(parser, value);
                case "roles" -> roles = CelValues.optionalStrings(parser, value, budget);
                case "attr" -> attr = CelValues.optionalObject(parser, value, budget);
                default -> throw invalid(parser, "unknown field");
            }
        }
        if (id == null) {
            throw missing(parser, "id");
        }
        return new Principal(id, type, roles, attr);
    }

    private static Resource resource(JsonParser parser, JsonToken token, CelValues.Budget budget) throws IOException {
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
                case "attr" -> attr = CelValues.optionalObject(parser, value, budget);
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

    private static long revision(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || parser.getLongValue() < 0) {
            throw invalid(parser, "must be a non-negative integer revision");
        }
        return parser.getLongValue();
    }
}
