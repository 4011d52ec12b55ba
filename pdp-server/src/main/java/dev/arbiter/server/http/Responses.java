package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers and the error envelope {@code {"error": {"code", "message", "details"}}}. */
final class Responses {

    static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    /** Header carrying the store revision a write produced. */
    static final String REVISION_HEADER = "Arbiter-Revision";

    private Responses() {}

    static void json(RoutingContext ctx, int status, JsonNode body) {
        json(ctx, status, bytes(body));
    }

    /** A JSON tree as UTF-8; a tree of Jackson nodes always serializes. */
    static Buffer bytes(JsonNode body) {
        try {
            return Buffer.buffer(PolicyJson.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static void json(RoutingContext ctx, int status, Buffer body) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status);
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        response.end(body);
    }

    static ObjectNode object() {
        return PolicyJson.MAPPER.createObjectNode();
    }

    static ObjectNode error(ApiException error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        inner.put("code", error.code().code());
        inner.put("message", error.getMessage());
        ArrayNode details = inner.putArray("details");
        for (Problem problem : error.details()) {
            details.add(problem(problem));
        }
        return body;
    }

    static ObjectNode problem(Problem problem) {
        ObjectNode json = object();
        json.put("path", problem.path());
        if (problem.rule() != null) {
            json.put("rule", problem.rule());
        }
        json.put("message", problem.message());
        if (problem.line() != null) {
            json.put("line", problem.line());
        }
        if (problem.column() != null) {
            json.put("column", problem.column());
        }
        return json;
    }
}
