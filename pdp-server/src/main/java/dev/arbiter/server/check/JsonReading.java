package dev.arbiter.server.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;

/**
 * Streaming reads of request bodies within the limits of a check, and the errors they answer:
 * every parse failure is a 400 whose path (e.g. {@code checks[2].principal.attr.tags[0]}) is only
 * computed when there is an error.
 */
public final class JsonReading {

    public static final int MAX_DEPTH = 32;
    /** Longest string anywhere in a check: string functions in conditions grow with their inputs. */
    public static final int MAX_STRING_LENGTH = 16 * 1024;

    /** Duplicate keys are found by the readers themselves, without the per-object set Jackson's detection builds. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .build())
            .build();

    private JsonReading() {}

    /** Reads the members of one JSON object from the parser positioned on its START_OBJECT. */
    @FunctionalInterface
    public interface ObjectReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Parses a whole body holding one JSON object; every parse failure is a 400. */
    public static <T> T parse(byte[] body, ObjectReader<T> reader) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; a JSON document is required");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            T result = reader.read(parser);
            if (parser.nextToken() != null) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "malformed JSON: content after the end of the document");
            }
            return result;
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the check exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, PolicyJson.malformedMessage(e));
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    public static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String description) {
        if (actual != expected) {
            throw invalid(parser, "must be " + description + ", found " + describe(actual));
        }
    }

    public static String describe(JsonToken token) {
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

    /** A required member absent from the object just read: after its END_OBJECT the context is the parent's. */
    public static ApiException missing(JsonParser parser, String field) {
        String parent = path(parser.getParsingContext());
        return ApiException.badRequest(parent.isEmpty() ? field : parent + "." + field, "is required");
    }

    /** A key given twice: as malformed as JSON that does not parse, and said the same way. */
    public static ApiException duplicate(JsonParser parser, String name) {
        JsonLocation location = parser.currentTokenLocation();
        return new ApiException(ErrorCode.MALFORMED_JSON, "malformed JSON: Duplicate field '" + name + "' (line "
                + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }

    /** A 400 located at the parser's position. */
    public static ApiException invalid(JsonParser parser, String message) {
        return ApiException.badRequest(path(parser.getParsingContext()), message);
    }

    /** The dotted path of the parser's position, e.g. {@code checks[2].principal.attr.tags[0]}. */
    static String path(JsonStreamContext context) {
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
