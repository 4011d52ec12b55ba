package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.sync.PolicySync;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.model.ApplyResult;
import dev.arbiter.store.model.PolicyBundle;
import io.vertx.ext.web.RoutingContext;
import java.util.OptionalLong;

/**
 * {@code POST /v1/policies/_apply[?dryRun=true][&ifUnchangedSince=n]}: makes the store equal to a
 * bundle for the services it names, all or nothing, under one revision, and answers the
 * difference. Every policy is validated and compiled before anything is written.
 */
final class ApplyHandler {

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final PolicySync sync;
    private final Blocking blocking;

    ApplyHandler(PolicyRepository repository, PolicyCompiler compiler, PolicySync sync, Blocking blocking) {
        this.repository = repository;
        this.compiler = compiler;
        this.sync = sync;
        this.blocking = blocking;
    }

    /** What was applied and how it went. */
    private record Applied(PolicyBundle bundle, ApplyResult result) {}

    void apply(RoutingContext ctx) {
        boolean dryRun = QueryParams.flag(ctx, "dryRun");
        OptionalLong unchangedSince = QueryParams.revision(ctx, "ifUnchangedSince");
        PolicyDocuments documents = PolicyDocuments.of(ctx);
        String actor = Authenticator.caller(ctx).name();
        blocking.run(() -> {
                    PolicyBundle bundle = ValidBundles.read(documents, compiler);
                    if (dryRun) {
                        return new Applied(bundle, repository.planApply(bundle, unchangedSince));
                    }
                    ApplyResult result = repository.apply(bundle, unchangedSince, actor);
                    if (result.written()) {
                        sync.catchUp();
                    }
                    return new Applied(bundle, result);
                })
                .onSuccess(applied -> {
                    if (!dryRun) {
                        ctx.response().putHeader(Responses.REVISION_HEADER, Long.toString(applied.result().revision()));
                    }
                    Responses.json(ctx, 200, answer(applied, dryRun));
                })
                .onFailure(ctx::fail);
    }

    private static ObjectNode answer(Applied applied, boolean dryRun) {
        ApplyResult result = applied.result();
        ObjectNode json = Responses.object();
        json.put("dryRun", dryRun);
        json.put("revision", result.revision());
        applied.bundle().services().forEach(json.putArray("services")::add);
        result.created().forEach(json.putArray("created")::add);
        result.updated().forEach(json.putArray("updated")::add);
        result.deleted().forEach(json.putArray("deleted")::add);
        result.unchanged().forEach(json.putArray("unchanged")::add);
        return json;
    }
}
