package dev.arbiter.server.http;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.audit.DecisionFilter;
import dev.arbiter.server.engine.BundlePreview;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.engine.Replay;
import dev.arbiter.server.sync.PolicySync;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * {@code POST /v1/policies/_impact}: replays the newest logged decisions of the services a bundle
 * governs against the current policies and against the policies as they would be with the bundle
 * applied, and answers which decisions would flip. Writes nothing; runs on a worker and streams
 * the log.
 */
final class ImpactHandler {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 100_000;
    static final int DEFAULT_MAX_FLIPS = 100;
    static final int MAX_MAX_FLIPS = 1_000;

    private static final Set<String> PARAMS = DecisionParams.with(DecisionParams.FILTERS, "limit", "maxFlips");

    private final DecisionEngine engine;
    private final PolicyCompiler compiler;
    private final PolicySync sync;
    private final Audit audit;
    private final Blocking blocking;

    ImpactHandler(DecisionEngine engine, PolicyCompiler compiler, PolicySync sync, Audit audit, Blocking blocking) {
        this.engine = engine;
        this.compiler = compiler;
        this.sync = sync;
        this.audit = audit;
        this.blocking = blocking;
    }

    void impact(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), PARAMS);
        DecisionFilter filter = params.filter();
        int limit = orDefault(params.integer("limit", 1, MAX_LIMIT), DEFAULT_LIMIT);
        int maxFlips = orDefault(params.integer("maxFlips", 0, MAX_MAX_FLIPS), DEFAULT_MAX_FLIPS);
        PolicyDocuments documents = PolicyDocuments.of(ctx);
        if (!audit.replays().tryAcquire()) {
            throw new ApiException(429, "too_many_impacts", "at most " + Audit.CONCURRENT_REPLAYS
                    + " impact previews run at once; retry when one has finished");
        }
        blocking.run(() -> {
                    PolicyBundle bundle = ValidBundles.read(documents, compiler);
                    sync.catchUp();
                    PolicySet current = engine.policies();
                    BundlePreview preview = BundlePreview.of(current, bundle, compiler);
                    ImpactTally tally = new ImpactTally(new Replay(current, preview.policies()), maxFlips);
                    SortedSet<String> services = preview.governedServices();
                    boolean everyService = preview.governsEveryService();
                    audit.queries().newest(filter, everyService ? null : services, limit, tally);
                    return ImpactJson.write(current.revision(), bundle, preview,
                            everyService ? List.of(Policy.EVERY_SERVICE) : services, tally.result());
                })
                .onComplete(done -> audit.replays().release())
                .onSuccess(answer -> Responses.json(ctx, 200, answer))
                .onFailure(ctx::fail);
    }

    private static int orDefault(Integer given, int fallback) {
        return given == null ? fallback : given;
    }
}
