package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.engine.Warning;
import dev.arbiter.server.service.PolicyService;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /v1/policies/_validate}: the full check a write makes (400 or 422 with every
 * problem), then warnings judged against the stored policies. Stores nothing.
 */
final class ValidateHandler {

    private final PolicyService policies;

    ValidateHandler(PolicyService policies) {
        this.policies = policies;
    }

    void validate(RoutingContext ctx) {
        policies.validate(Bodies.policies(ctx))
                .onSuccess(warnings -> Responses.json(ctx, 200, answer(warnings)))
                .onFailure(ctx::fail);
    }

    private static ObjectNode answer(List<Warning> warnings) {
        ObjectNode json = Responses.object().put("valid", true);
        ArrayNode array = json.putArray("warnings");
        for (Warning warning : warnings) {
            array.add(Responses.object().put("code", warning.code()).setAll(Responses.problem(warning.problem())));
        }
        return json;
    }
}
