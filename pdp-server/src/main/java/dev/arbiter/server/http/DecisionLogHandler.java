package dev.arbiter.server.http;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.audit.Audit;
import dev.arbiter.server.audit.Cursor;
import dev.arbiter.server.audit.DecisionFilter;
import dev.arbiter.server.audit.StatsQuery;
import dev.arbiter.store.jdbc.StoreUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The decision log for auditors: pages and exports ({@code GET /v1/decisions}), single records,
 * statistics and chain verification. Every query runs on a worker; exports stream.
 */
final class DecisionLogHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    /** Most (bucket, group) rows a statistics answer holds; more is flagged as truncated. */
    static final int MAX_STATS_ROWS = 10_000;
    static final Duration DEFAULT_STATS_WINDOW = Duration.ofDays(1);

    private static final Set<String> LIST = DecisionParams.with(DecisionParams.FILTERS, "limit", "cursor");
    private static final Set<String> STATS = DecisionParams.with(DecisionParams.FILTERS, "groupBy", "bucket");
    private static final Set<String> VERIFY = Set.of("from", "to");

    private final Audit audit;
    private final Blocking blocking;

    DecisionLogHandler(Audit audit, Blocking blocking) {
        this.audit = audit;
        this.blocking = blocking;
    }

    void list(RoutingContext ctx) {
        ExportFormat format = ExportFormat.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        DecisionParams params = DecisionParams.of(ctx.queryParams(), LIST);
        DecisionFilter filter = params.filter();
        Cursor cursor = params.cursor();
        if (format == ExportFormat.PAGE) {
            Integer limit = params.integer("limit", 1, MAX_LIMIT);
            int size = limit == null ? DEFAULT_LIMIT : limit;
            answer(ctx, () -> LoggedDecisionJson.page(audit.queries().page(filter, cursor, size)));
            return;
        }
        Integer limit = params.integer("limit", 1, Integer.MAX_VALUE);
        ExportStream stream = new ExportStream(ctx, format);
        try {
            audit.exports().execute(() -> {
                try {
                    audit.queries().export(filter, cursor, limit == null ? 0 : limit, stream);
                    stream.finish();
                } catch (Exception e) {
                    stream.fail(unavailable(e));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new ApiException(429, "too_many_exports", "at most " + Audit.CONCURRENT_EXPORTS
                    + " exports run at once; retry when one has finished");
        }
    }

    void get(RoutingContext ctx) {
        UUID decisionId = DecisionParams.decisionId(ctx.pathParam("decisionId"));
        DecisionParams.of(ctx.queryParams(), Set.of());
        answer(ctx, () -> LoggedDecisionJson.one(audit.queries().find(decisionId).orElseThrow(
                () -> ApiException.notFound("no decision " + decisionId + " in the log"))));
    }

    void stats(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), STATS);
        StatsQuery.GroupBy groupBy = params.choice("groupBy", StatsQuery.GroupBy.class, null);
        StatsQuery.Bucket bucket = params.choice("bucket", StatsQuery.Bucket.class, StatsQuery.Bucket.HOUR);
        DecisionFilter given = params.filter();
        Instant to = given.to() != null ? given.to() : Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = given.from() != null ? given.from() : to.minus(DEFAULT_STATS_WINDOW);
        DecisionParams.requireOrder(from, to);
        long buckets = Duration.between(from, to).dividedBy(bucket.width()) + 1;
        if (buckets > MAX_STATS_ROWS) {
            throw ApiException.badRequest("bucket", "from " + from + " to " + to + " holds " + buckets + " "
                    + bucket.json() + " buckets, more than " + MAX_STATS_ROWS + "; choose a wider bucket or a"
                    + " shorter time range");
        }
        DecisionFilter filter = new DecisionFilter(from, to, given.principal(), given.service(), given.action(),
                given.allow(), given.policy(), given.rule(), given.caller(), given.resource(),
                given.minLatencyMicros());
        answer(ctx, () -> LoggedDecisionJson.stats(from, to, groupBy, bucket,
                audit.queries().stats(filter, groupBy, bucket, MAX_STATS_ROWS)));
    }

    void verify(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), VERIFY);
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        DecisionParams.requireOrder(from, to);
        answer(ctx, () -> LoggedDecisionJson.verify(audit.verifier().verify(from, to)));
    }

    private void answer(RoutingContext ctx, Supplier<Buffer> work) {
        Future<Buffer> answer = blocking.run(work::get);
        answer.onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(failure -> ctx.fail(unavailable(failure)));
    }

    /** Reads of the log that meet a database outage answer 503 with a message about the log. */
    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof StoreUnavailableException) {
            return new ApiException(503, "store_unavailable", "the decision log's database is unavailable; retry later");
        }
        return failure;
    }
}
