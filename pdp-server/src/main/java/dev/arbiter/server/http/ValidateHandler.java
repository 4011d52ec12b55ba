package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicyLinter;
import dev.arbiter.server.engine.Warning;
import dev.arbiter.store.Policy;
import dev.arbiter.store.PolicyJson;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /v1/policies/_validate}: the full check a write makes (400 or 422 with every
 * problem), then warnings judged against the policies this replica holds. Stores nothing.
 */
final class ValidateHandler {

    private final PolicyCompiler compiler;
    private final PolicyLinter linter;
    private final DecisionEngine engine;
    private final Blocking blocking;

    ValidateHandler(PolicyCompiler compiler, DecisionEngine engine, Blocking blocking) {
        this.compiler = compiler;
        this.linter = new PolicyLinter(compiler);
        this.engine = engine;
        this.blocking = blocking;
    }

    void validate(RoutingContext ctx) {
        PolicyDocuments documents = PolicyDocuments.of(ctx);
        blocking.run(() -> {
                    Policy policy = PolicyJson.read(documents.one(), "");
                    PolicyHandler.requireValid(compiler, policy);
                    return linter.warnings(policy, engine.policies());
                })
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
