package dev.arbiter.server.authzen;

import static dev.arbiter.server.check.JsonReading.duplicate;
import static dev.arbiter.server.check.JsonReading.expect;
import static dev.arbiter.server.check.JsonReading.invalid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.server.check.CelValues;
import dev.arbiter.server.check.JsonReading;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads AuthZEN request bodies, streaming. Members this version does not know are skipped, as the
 * specification requires; a known member of the wrong type is a 400 naming its path. Values are
 * read within the same limits as a check's.
 */
public final class AuthzenReader {

    static final int MAX_EVALUATIONS = 1_000;

    private final CelValues.Budget budget = new CelValues.Budget();

    private AuthzenReader() {}

    public static AuthzenRequest read(byte[] body) {
        return JsonReading.parse(body, parser -> new AuthzenReader().request(parser));
    }

    private AuthzenRequest request(JsonParser parser) throws IOException {
        Members members = new Members();
        AuthzenRequest.Item defaults = new AuthzenRequest.Item(null, null, null, null);
        List<AuthzenRequest.Item> evaluations = null;
        AuthzenRequest.Semantic semantic = null;
        boolean explain = false;
        AuthzenRequest.Page page = AuthzenRequest.Page.FIRST;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = members.add(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "subject", "action", "resource", "context" -> defaults = member(parser, field, value, defaults);
                case "evaluations" -> evaluations = evaluations(parser, value);
                case "options" -> {
                    Options options = options(parser, value);
                    semantic = options.semantic();
                    explain = options.explain();
                }
                case "page" -> page = page(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new AuthzenRequest(defaults, evaluations, semantic, explain, page);
    }

    private List<AuthzenRequest.Item> evaluations(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_ARRAY, "an array of evaluations");
        List<AuthzenRequest.Item> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (items.size() == MAX_EVALUATIONS) {
                throw invalid(parser, "a request holds at most " + MAX_EVALUATIONS + " evaluations");
            }
            expect(parser, parser.currentToken(), JsonToken.START_OBJECT, "an evaluation object");
            Members members = new Members();
            AuthzenRequest.Item item = new AuthzenRequest.Item(null, null, null, null);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = members.add(parser);
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "subject", "action", "resource", "context" -> item = member(parser, field, value, item);
                    default -> parser.skipChildren();
                }
            }
            items.add(item);
        }
        return items;
    }

    /** {@code item} with its member {@code field} read; JSON null counts as absent. */
    private AuthzenRequest.Item member(JsonParser parser, String field, JsonToken token, AuthzenRequest.Item item)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return item;
        }
        return switch (field) {
            case "subject" -> new AuthzenRequest.Item(entity(parser, token), item.action(), item.resource(),
                    item.context());
            case "action" -> new AuthzenRequest.Item(item.subject(), action(parser, token), item.resource(),
                    item.context());
            case "resource" -> new AuthzenRequest.Item(item.subject(), item.action(), entity(parser, token),
                    item.context());
            default -> new AuthzenRequest.Item(item.subject(), item.action(), item.resource(),
                    CelValues.optionalObject(parser, token, budget));
        };
    }

    private AuthzenRequest.Entity entity(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String type = null;
        String id = null;
        Map<String, Object> properties = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = members.add(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = string(parser, value);
                case "id" -> id = string(parser, value);
                case "properties" -> properties = CelValues.optionalObject(parser, value, budget);
                default -> parser.skipChildren();
            }
        }
        return new AuthzenRequest.Entity(type, id, properties);
    }

    private AuthzenRequest.Action action(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String name = null;
        Map<String, Object> properties = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = members.add(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = string(parser, value);
                case "properties" -> properties = CelValues.optionalObject(parser, value, budget);
                default -> parser.skipChildren();
            }
        }
        return new AuthzenRequest.Action(name, properties);
    }

    private record Options(AuthzenRequest.Semantic semantic, boolean explain) {}

    private static Options options(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return new Options(null, false);
        }
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        AuthzenRequest.Semantic semantic = null;
        boolean explain = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = members.add(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "evaluations_semantic" -> semantic = semantic(parser, value);
                case "arbiter_explain" -> explain = value == JsonToken.VALUE_TRUE;
                default -> parser.skipChildren();
            }
        }
        return new Options(semantic, explain);
    }

    private static AuthzenRequest.Semantic semantic(JsonParser parser, JsonToken token) throws IOException {
        String name = string(parser, token);
        for (AuthzenRequest.Semantic semantic : AuthzenRequest.Semantic.values()) {
            if (semantic.json.equals(name)) {
                return semantic;
            }
        }
        throw invalid(parser, "must be execute_all, deny_on_first_deny or permit_on_first_permit");
    }

    private static AuthzenRequest.Page page(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return AuthzenRequest.Page.FIRST;
        }
        expect(parser, token, JsonToken.START_OBJECT, "an object");
        Members members = new Members();
        String pageToken = null;
        Integer limit = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = members.add(parser);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "token" -> pageToken = string(parser, value);
                case "limit" -> limit = limit(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new AuthzenRequest.Page(pageToken == null || pageToken.isEmpty() ? null : pageToken, limit);
    }

    private static Integer limit(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() < 0) {
            throw invalid(parser, "must be a non-negative integer");
        }
        return parser.getIntValue();
    }

    /** A string member; JSON null reads as absent. */
    private static String string(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, token, JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    /** The members of one object read so far; a member given twice is malformed JSON. */
    private static final class Members {
        private final Set<String> names = new HashSet<>();

        String add(JsonParser parser) throws IOException {
            String name = parser.currentName();
            if (!names.add(name)) {
                throw duplicate(parser, name);
            }
            return name;
        }
    }
}
