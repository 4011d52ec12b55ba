package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicyLinter;
import dev.arbiter.server.engine.Warning;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code POST /v1/policies/_validate}: the full check a write makes (400 or 422 with every
 * problem), then warnings judged against the stored policies. Stores nothing.
 */
final class ValidateHandler {

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final PolicyLinter linter;
    private final Blocking blocking;

    ValidateHandler(PolicyRepository repository, PolicyCompiler compiler, Blocking blocking) {
        this.repository = repository;
        this.compiler = compiler;
        this.linter = new PolicyLinter(compiler);
        this.blocking = blocking;
    }

    void validate(RoutingContext ctx) {
        PolicyDocuments documents = PolicyDocuments.of(ctx);
        blocking.run(() -> {
                    Policy policy = PolicyJson.read(documents.one(), "");
                    PolicyHandler.requireValid(compiler, policy);
                    return linter.warnings(policy, storedAround(policy));
                })
                .onSuccess(warnings -> Responses.json(ctx, 200, answer(warnings)))
                .onFailure(ctx::fail);
    }

    /** The stored policies a warning may involve: the candidate's service and "*", or all for a "*" policy. */
    private List<Policy> storedAround(Policy candidate) {
        Stream<StoredPolicy> stored = candidate.appliesToEveryService()
                ? listed(Optional.empty())
                : Stream.concat(listed(Optional.of(Policy.EVERY_SERVICE)), listed(Optional.of(candidate.service())));
        return stored.map(StoredPolicy::policy).toList();
    }

    private Stream<StoredPolicy> listed(Optional<String> service) {
        return repository.list(service).policies().stream();
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
