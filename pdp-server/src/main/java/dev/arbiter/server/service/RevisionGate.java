package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.sync.StoreSync;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Honours {@code minRevision}: a replica behind the revision a caller has seen catches up with
 * the store (bounded wait) before deciding, or answers 409 {@code stale_replica}; it never
 * decides on policies older than the caller knows of.
 */
public final class RevisionGate {

    static final Duration MAX_WAIT = Duration.ofMillis(100);
    /** Between catch-ups that came back short: the write may still be committing elsewhere. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(10);

    private final Vertx vertx;
    private final DecisionEngine engine;
    private final StoreSync sync;
    private final Blocking blocking;
    private final AtomicReference<Future<Long>> inFlight = new AtomicReference<>();

    public RevisionGate(Vertx vertx, DecisionEngine engine, StoreSync sync, Blocking blocking) {
        this.vertx = vertx;
        this.engine = engine;
        this.sync = sync;
        this.blocking = blocking;
    }

    boolean isFreshEnough(long minRevision) {
        return engine.policies().revision() >= minRevision;
    }

    /** Completes once the engine holds {@code minRevision}, or fails with 409 after {@link #MAX_WAIT}. */
    Future<Void> await(long minRevision) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        return catchUpUntil(minRevision, deadline)
                .recover(failure -> Future.succeededFuture(engine.policies().revision()))
                .compose(revision -> revision >= minRevision
                        ? Future.succeededFuture()
                        : Future.failedFuture(new ApiException(ErrorCode.STALE_REPLICA, "this replica holds revision "
                                + revision + ", older than the requested minRevision " + minRevision
                                + ", and could not catch up within " + MAX_WAIT.toMillis() + " ms; retry")));
    }

    /** Catches up again while the revision is still short of {@code minRevision} and time remains. */
    private Future<Long> catchUpUntil(long minRevision, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return Future.succeededFuture(engine.policies().revision());
        }
        return catchUp().timeout(remaining, TimeUnit.NANOSECONDS).compose(revision -> revision >= minRevision
                ? Future.succeededFuture(revision)
                : vertx.timer(RETRY_PAUSE.toMillis()).compose(ignored -> catchUpUntil(minRevision, deadline)));
    }

    /**
     * One catch-up with the store shared by every request waiting meanwhile, so a burst of
     * requests ahead of this replica costs one query, not one each.
     */
    private Future<Long> catchUp() {
        Future<Long> running = inFlight.get();
        if (running != null && !running.isComplete()) {
            return running;
        }
        Future<Long> started = blocking.run(sync::catchUp);
        inFlight.set(started);
        return started;
    }
}
