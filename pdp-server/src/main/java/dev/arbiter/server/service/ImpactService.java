package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.audit.query.DecisionFilter;
import dev.arbiter.server.engine.BundlePreview;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.engine.Replay;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.policy.PolicyDocuments;
import dev.arbiter.server.policy.ValidPolicies;
import dev.arbiter.server.sync.StoreSync;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Semaphore;

/**
 * Impact previews: the newest logged decisions of the services a bundle governs, replayed against
 * the current policies and against the policies as they would be with the bundle applied. Writes
 * nothing; a few run at once, each on a worker streaming the log.
 */
public final class ImpactService {

    /** Replays of the log running at once; each holds a worker and a connection. */
    public static final int CONCURRENT_REPLAYS = 2;

    private final DecisionEngine engine;
    private final PolicyCompiler compiler;
    private final StoreSync sync;
    private final Audit audit;
    private final Blocking blocking;
    private final Semaphore permits = new Semaphore(CONCURRENT_REPLAYS);

    public ImpactService(DecisionEngine engine, PolicyCompiler compiler, StoreSync sync, Audit audit,
            Blocking blocking) {
        this.engine = engine;
        this.compiler = compiler;
        this.sync = sync;
        this.audit = audit;
        this.blocking = blocking;
    }

    /** What the preview compared and found. */
    public record Impact(long revision, PolicyBundle bundle, BundlePreview preview,
            Collection<String> replayedServices, ImpactTally.Result tally) {}

    /** Which logged decisions to replay, and how many flips to list. */
    public record Scope(DecisionFilter filter, int limit, int maxFlips) {}

    /** Replays; 429 when {@link #CONCURRENT_REPLAYS} previews are running already. */
    public Future<Impact> preview(PolicyDocuments candidates, Scope scope) {
        if (!permits.tryAcquire()) {
            throw new ApiException(ErrorCode.TOO_MANY_IMPACTS, "at most " + CONCURRENT_REPLAYS
                    + " impact previews run at once; retry when one has finished");
        }
        return blocking.run(() -> replay(candidates, scope)).onComplete(done -> permits.release());
    }

    private Impact replay(PolicyDocuments candidates, Scope scope) throws Exception {
        PolicyBundle bundle = ValidPolicies.bundle(candidates, compiler);
        sync.catchUp();
        PolicySet current = engine.policies();
        BundlePreview preview = BundlePreview.of(current, bundle, compiler);
        ImpactTally tally = new ImpactTally(new Replay(current, preview.policies()), scope.maxFlips());
        SortedSet<String> services = preview.governedServices();
        boolean everyService = preview.governsEveryService();
        audit.queries().newest(scope.filter(), everyService ? null : services, scope.limit(), tally);
        return new Impact(current.revision(), bundle, preview,
                everyService ? List.of(Policy.EVERY_SERVICE) : services, tally.result());
    }
}
