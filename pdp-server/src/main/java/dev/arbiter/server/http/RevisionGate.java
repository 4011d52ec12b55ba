package dev.arbiter.server.http;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.sync.PolicySync;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Honours {@code minRevision}: a replica behind the revision a caller has seen catches up with
 * the store (bounded wait) before deciding, or answers 409 {@code stale_replica}; it never
 * decides on policies older than the caller knows of.
 */
final class RevisionGate {

    static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final DecisionEngine engine;
    private final PolicySync sync;
    private final Blocking blocking;

    RevisionGate(DecisionEngine engine, PolicySync sync, Blocking blocking) {
        this.engine = engine;
        this.sync = sync;
        this.blocking = blocking;
    }

    boolean isFreshEnough(long minRevision) {
        return engine.policies().revision() >= minRevision;
    }

    /** Completes once the engine holds {@code minRevision}, or fails with 409 after {@link #MAX_WAIT}. */
    Future<Void> await(long minRevision) {
        return blocking.run(sync::catchUp)
                .timeout(MAX_WAIT)
                .recover(failure -> Future.succeededFuture(engine.policies().revision()))
                .compose(revision -> revision >= minRevision
                        ? Future.succeededFuture()
                        : Future.failedFuture(new ApiException(409, "stale_replica", "this replica holds revision "
                                + revision + ", older than the requested minRevision " + minRevision
                                + ", and could not catch up within " + MAX_WAIT.toMillis() + " ms; retry")));
    }
}
