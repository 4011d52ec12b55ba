package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Check requests to bytes and answers to decisions, streaming, with no JSON tree in between. */
final class CheckCodec {

    private static final int REQUEST_SIZE_HINT = 512;

    private CheckCodec() {}

    static byte[] encode(CheckRequest request) {
        return JsonValues.document(REQUEST_SIZE_HINT, generator -> check(generator, request));
    }

    static byte[] encodeBatch(List<CheckRequest> requests) {
        return JsonValues.document(REQUEST_SIZE_HINT * requests.size(), generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("checks");
            for (CheckRequest request : requests) {
                check(generator, request);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    private static void check(JsonGenerator generator, CheckRequest request) throws IOException {
        generator.writeStartObject();
        Principal principal = request.principal();
        generator.writeObjectFieldStart("principal");
        generator.writeStringField("id", principal.id());
        if (!principal.type().isEmpty()) {
            generator.writeStringField("type", principal.type());
        }
        if (!principal.roles().isEmpty()) {
            generator.writeArrayFieldStart("roles");
            for (String role : principal.roles()) {
                generator.writeString(role);
            }
            generator.writeEndArray();
        }
        attributes(generator, "attr", principal.attr());
        generator.writeEndObject();
        generator.writeStringField("action", request.action());
        Resource resource = request.resource();
        generator.writeObjectFieldStart("resource");
        generator.writeStringField("service", resource.service());
        generator.writeStringField("kind", resource.kind());
        generator.writeStringField("id", resource.id());
        attributes(generator, "attr", resource.attr());
        generator.writeEndObject();
        attributes(generator, "context", request.context());
        attributes(generator, "actionAttr", request.actionAttr());
        if (request.minRevision() > 0) {
            generator.writeNumberField("minRevision", request.minRevision());
        }
        generator.writeEndObject();
    }

    private static void attributes(JsonGenerator generator, String field, Map<String, Object> members)
            throws IOException {
        if (!members.isEmpty()) {
            generator.writeFieldName(field);
            JsonValues.writeObject(generator, members);
        }
    }


    static Decision decode(byte[] body) throws MalformedAnswerException {
        try (JsonParser parser = JsonValues.FACTORY.createParser(body)) {
            Decision decision = decision(parser, parser.nextToken());
            requireEnd(parser);
            return decision;
        } catch (IOException e) {
            throw new MalformedAnswerException("the answer is not JSON: " + e.getMessage());
        }
    }

    /** The {@code results} of a batch answer, which must hold exactly {@code expected} decisions. */
    static List<Decision> decodeBatch(byte[] body, int expected) throws MalformedAnswerException {
        try (JsonParser parser = JsonValues.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAnswerException("the batch answer is not a JSON object");
            }
            List<Decision> results = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if ("results".equals(parser.currentName()) && parser.nextToken() == JsonToken.START_ARRAY) {
                    results = new ArrayList<>(expected);
                    for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                        results.add(decision(parser, next));
                    }
                } else {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            requireEnd(parser);
            if (results == null || results.size() != expected) {
                throw new MalformedAnswerException("the batch answer holds " + (results == null ? "no" : results.size())
                        + " results for " + expected + " checks");
            }
            return results;
        } catch (IOException e) {
            throw new MalformedAnswerException("the answer is not JSON: " + e.getMessage());
        }
    }

    /** Reads one answer object; fields this client does not know (explain, shadow, …) are skipped. */
    private static Decision decision(JsonParser parser, JsonToken start) throws IOException, MalformedAnswerException {
        if (start != JsonToken.START_OBJECT) {
            throw new MalformedAnswerException("a decision is not a JSON object");
        }
        Boolean allow = null;
        String decisionId = null;
        String policy = null;
        String rule = null;
        String reason = null;
        long revision = Decision.NO_REVISION;
        Shadow shadow = null;
        List<RuleExplanation> explain = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "allow" -> allow = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                        : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                case "decisionId" -> decisionId = text(parser, value);
                case "policy" -> policy = text(parser, value);
                case "rule" -> rule = text(parser, value);
                case "reason" -> reason = text(parser, value);
                case "revision" -> revision = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                        : Decision.NO_REVISION;
                case "shadow" -> shadow = value == JsonToken.VALUE_NULL ? null
                        : shadow(JsonObject.of(JsonValues.read(parser, value), "shadow"));
                case "explain" -> explain = explanations(JsonObject.objectsOf(JsonValues.read(parser, value),
                        "explain"));
                default -> parser.skipChildren();
            }
        }
        if (allow == null) {
            throw new MalformedAnswerException("a decision has no boolean allow");
        }
        if (decisionId == null || revision < 0) {
            throw new MalformedAnswerException("a decision has no decisionId or revision");
        }
        return new Decision(allow, policy, rule, reason == null ? "" : reason, decisionId, revision, false, null,
                shadow, explain);
    }

    /** A decision's {@code shadow}: what dry-run policies would have decided. */
    static Shadow shadow(JsonObject json) throws MalformedAnswerException {
        return new Shadow(json.bool("allow"), json.optionalString("policy", null), json.optionalString("rule", null));
    }

    private static List<RuleExplanation> explanations(List<JsonObject> rules) throws MalformedAnswerException {
        List<RuleExplanation> explanations = new ArrayList<>(rules.size());
        for (JsonObject rule : rules) {
            explanations.add(new RuleExplanation(rule.string("policy"), rule.string("rule"),
                    Spelling.parse(Effect.class, rule.string("effect")), rule.bool("dryRun"),
                    rule.bool("principalMatched"), rule.bool("actionMatched"), rule.bool("kindMatched"),
                    Spelling.parse(RuleExplanation.Outcome.class, rule.string("condition")),
                    rule.optionalString("error", null)));
        }
        return explanations;
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException, MalformedAnswerException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedAnswerException(parser.currentName() + " is not a string");
        }
        return parser.getText();
    }

    private static void requireEnd(JsonParser parser) throws IOException, MalformedAnswerException {
        if (parser.nextToken() != null) {
            throw new MalformedAnswerException("content after the end of the answer");
        }
    }
}
