package dev.arbiter.server.authzen;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.http.DecisionJson;
import dev.arbiter.server.service.DecisionOutcome;
import dev.arbiter.server.service.SearchResult;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;

/**
 * AuthZEN's answers: {@code {"decision": b}} exactly, with a {@code context} (reason, decision id,
 * policy, rule) only when the caller asked Arbiter to explain; evaluations in request order;
 * search results; PDP metadata.
 */
public final class AuthzenJson {

    private AuthzenJson() {}

    public static Buffer decision(DecisionOutcome outcome, boolean explain) {
        return DecisionJson.write(64, json -> decided(json, outcome, explain));
    }

    public static Buffer evaluations(List<Evaluated> answers, boolean explain) {
        return DecisionJson.write(32 + 24 * answers.size(), json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("evaluations");
            for (Evaluated answer : answers) {
                if (answer instanceof Evaluated.Decided decided) {
                    decided(json, decided.outcome(), explain);
                } else {
                    refused(json, ((Evaluated.Refused) answer).message());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** @param paged whether the answer carries {@code page} (the request paged, or more results wait) */
    public static Buffer search(SearchResult result, boolean paged, boolean actions) {
        return DecisionJson.write(64 + 48 * result.results().size(), json -> {
            json.writeStartObject();
            if (paged || !result.nextToken().isEmpty()) {
                json.writeObjectFieldStart("page");
                json.writeStringField("next_token", result.nextToken());
                json.writeNumberField("count", result.results().size());
                json.writeEndObject();
            }
            json.writeArrayFieldStart("results");
            for (SearchResult.Found found : result.results()) {
                json.writeStartObject();
                if (actions) {
                    json.writeStringField("name", found.id());
                } else {
                    json.writeStringField("type", found.type());
                    json.writeStringField("id", found.id());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The PDP metadata of the PDP at {@code base}. */
    public static Buffer metadata(String base) {
        return DecisionJson.write(512, json -> {
            json.writeStartObject();
            json.writeStringField("policy_decision_point", base);
            json.writeStringField("access_evaluation_endpoint", base + "/access/v1/evaluation");
            json.writeStringField("access_evaluations_endpoint", base + "/access/v1/evaluations");
            json.writeStringField("search_subject_endpoint", base + "/access/v1/search/subject");
            json.writeStringField("search_resource_endpoint", base + "/access/v1/search/resource");
            json.writeStringField("search_action_endpoint", base + "/access/v1/search/action");
            json.writeEndObject();
        });
    }

    private static void decided(JsonGenerator json, DecisionOutcome outcome, boolean explain) throws IOException {
        Decision decision = outcome.decision();
        json.writeStartObject();
        json.writeBooleanField("decision", decision.allow());
        if (explain) {
            json.writeObjectFieldStart("context");
            json.writeStringField("reason", decision.reason());
            json.writeStringField("decisionId", outcome.decisionId().toString());
            json.writeStringField("policy", decision.policy());
            json.writeStringField("rule", decision.rule());
            json.writeNumberField("revision", decision.revision());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** An item that could not be evaluated: denied, its error in the context, as the specification shows. */
    private static void refused(JsonGenerator json, String message) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("decision", false);
        json.writeObjectFieldStart("context");
        json.writeObjectFieldStart("error");
        json.writeNumberField("status", 400);
        json.writeStringField("message", message);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }
}
