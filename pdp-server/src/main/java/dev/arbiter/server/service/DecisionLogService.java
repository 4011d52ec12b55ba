package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.integrity.VerifyReport;
import dev.arbiter.server.audit.query.Cursor;
import dev.arbiter.server.audit.query.DecisionFilter;
import dev.arbiter.server.audit.query.DecisionQueries;
import dev.arbiter.server.audit.query.StatsQuery;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.jdbc.StoreUnavailableException;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The decision log for auditors: pages, single records, exports, statistics and verification of
 * the hash chain. Queries run on workers, exports on threads of their own; a database outage is a
 * 503 that says it is the log's.
 */
public final class DecisionLogService {

    /** Most (bucket, group) rows a statistics answer holds; more is flagged as truncated. */
    public static final int MAX_STATS_ROWS = 10_000;

    private final Audit audit;
    private final Blocking blocking;

    public DecisionLogService(Audit audit, Blocking blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    /** Where an export's records go, in order; then {@link #finish()}, or {@link #fail} on any failure. */
    public interface Export extends DecisionQueries.ExportSink {
        void finish() throws IOException;

        void fail(Throwable failure);
    }

    // Each read hands its result to the caller's rendering on the worker: large answers never
    // render on an event loop.

    public <T> Future<T> page(DecisionFilter filter, Cursor cursor, int limit, Function<DecisionQueries.Page, T> render) {
        return read(() -> render.apply(audit.queries().page(filter, cursor, limit)));
    }

    /** The record of {@code decisionId}; 404 when the log holds none. */
    public <T> Future<T> find(UUID decisionId, Function<LoggedDecision, T> render) {
        return read(() -> render.apply(audit.queries().find(decisionId).orElseThrow(
                () -> ApiException.notFound("no decision " + decisionId + " in the log"))));
    }

    public <T> Future<T> stats(DecisionFilter filter, StatsQuery.GroupBy groupBy, StatsQuery.Bucket bucket,
            Function<StatsQuery.Result, T> render) {
        return read(() -> render.apply(audit.queries().stats(filter, groupBy, bucket, MAX_STATS_ROWS)));
    }

    public <T> Future<T> verify(Instant from, Instant to, Function<VerifyReport, T> render) {
        return read(() -> render.apply(audit.verifier().verify(from, to)));
    }

    /** Streams every matching record ({@code limit} 0: all); 429 when {@link Audit#CONCURRENT_EXPORTS} run already. */
    public void export(DecisionFilter filter, Cursor cursor, long limit, Export export) {
        try {
            audit.exports().execute(() -> {
                try {
                    audit.queries().export(filter, cursor, limit, export);
                    export.finish();
                } catch (Exception e) {
                    export.fail(unavailable(e));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(ErrorCode.TOO_MANY_EXPORTS, "at most " + Audit.CONCURRENT_EXPORTS
                    + " exports run at once; retry when one has finished");
        }
    }

    private <T> Future<T> read(Callable<T> query) {
        return blocking.run(query).recover(failure -> Future.failedFuture(unavailable(failure)));
    }

    /** Reads of the log that meet a database outage answer 503 with a message about the log. */
    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof StoreUnavailableException) {
            return new ApiException(ErrorCode.STORE_UNAVAILABLE,
                    "the decision log's database is unavailable; retry later");
        }
        return failure;
    }
}
