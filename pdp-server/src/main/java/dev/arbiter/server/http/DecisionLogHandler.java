package dev.arbiter.server.http;

import dev.arbiter.server.audit.query.DecisionFilter;
import dev.arbiter.server.audit.query.StatsQuery;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.service.DecisionLogService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * The decision log for auditors: pages and exports ({@code GET /v1/decisions}), single records,
 * statistics and chain verification.
 */
final class DecisionLogHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    static final Duration DEFAULT_STATS_WINDOW = Duration.ofDays(1);

    private static final Set<String> LIST = DecisionParams.with(DecisionParams.FILTERS, "limit", "cursor");
    private static final Set<String> STATS = DecisionParams.with(DecisionParams.FILTERS, "groupBy", "bucket");
    private static final Set<String> VERIFY = Set.of("from", "to");

    private final DecisionLogService log;

    DecisionLogHandler(DecisionLogService log) {
        this.log = log;
    }

    void list(RoutingContext ctx) {
        ExportFormat format = ExportFormat.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        DecisionParams params = DecisionParams.of(ctx.queryParams(), LIST);
        if (format == ExportFormat.PAGE) {
            Integer limit = params.integer("limit", 1, MAX_LIMIT);
            answer(ctx, log.page(params.filter(), params.cursor(), limit == null ? DEFAULT_LIMIT : limit,
                    LoggedDecisionJson::page));
            return;
        }
        Integer limit = params.integer("limit", 1, Integer.MAX_VALUE);
        log.export(params.filter(), params.cursor(), limit == null ? 0 : limit, new ExportStream(ctx, format));
    }

    void get(RoutingContext ctx) {
        UUID decisionId = DecisionParams.decisionId(ctx.pathParam("decisionId"));
        DecisionParams.of(ctx.queryParams(), Set.of());
        answer(ctx, log.find(decisionId, LoggedDecisionJson::one));
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
        if (buckets > DecisionLogService.MAX_STATS_ROWS) {
            throw ApiException.badRequest("bucket", "from " + from + " to " + to + " holds " + buckets + " "
                    + bucket.json() + " buckets, more than " + DecisionLogService.MAX_STATS_ROWS
                    + "; choose a wider bucket or a shorter time range");
        }
        DecisionFilter filter = given.between(from, to);
        answer(ctx, log.stats(filter, groupBy, bucket,
                result -> LoggedDecisionJson.stats(from, to, groupBy, bucket, result)));
    }

    void verify(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), VERIFY);
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        DecisionParams.requireOrder(from, to);
        answer(ctx, log.verify(from, to, LoggedDecisionJson::verify));
    }

    private static void answer(RoutingContext ctx, Future<Buffer> body) {
        body.onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
    }
}
