package dev.arbiter.client;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads the decision log (role {@code auditor}). */
public final class DecisionAudit {

    /** Records per page unless a query says otherwise (the server allows 1 to 1000). */
    static final int DEFAULT_PAGE_SIZE = 100;

    private final AdminHttp http;

    DecisionAudit(AdminHttp http) {
        this.http = http;
    }

    /**
     * The records {@code query} selects, newest first, read lazily a page of 100 at a time as the
     * iteration goes; every iteration runs the query afresh. A page that fails throws from the
     * iterator ({@link ArbiterApiException}, {@link ArbiterUnavailableException}).
     */
    public Iterable<LoggedDecision> list(DecisionQuery query) {
        return list(query, DEFAULT_PAGE_SIZE);
    }

    /** As {@link #list(DecisionQuery)}, with {@code pageSize} records a page (1 to 1000). */
    public Iterable<LoggedDecision> list(DecisionQuery query, int pageSize) {
        String pageSizeParameter = Integer.toString(pageSize);
        return () -> new CursorPages<>(cursor -> {
            String parameters = cursor == null ? query.queryString("limit", pageSizeParameter)
                    : query.queryString("limit", pageSizeParameter, "cursor", cursor);
            return AdminHttp.decode(http.send("GET", "/v1/decisions?" + parameters, null), DecisionLogJson::page);
        });
    }

    /** {@link #list(DecisionQuery)} as a sequential stream: {@code limit(n)} reads only the pages it needs. */
    public Stream<LoggedDecision> stream(DecisionQuery query) {
        return StreamSupport.stream(list(query).spliterator(), false);
    }

    /** The record of {@code decisionId}, or empty when the log has none. */
    public Optional<LoggedDecision> get(String decisionId) {
        String path = "/v1/decisions/" + AdminHttp.encode(Checks.requireText(decisionId, "decisionId"));
        return AdminHttp.unlessNotFound(
                () -> AdminHttp.decode(http.send("GET", path, null), DecisionLogJson::record));
    }

    /**
     * Allowed and denied decisions per group and time bucket, of those {@code filters} select
     * (without {@code from} and {@code to}: the last 24 hours).
     */
    public DecisionStats stats(DecisionStats.GroupBy groupBy, DecisionStats.Bucket bucket, DecisionQuery filters) {
        String parameters = filters.queryString("groupBy", groupBy.json(), "bucket", bucket.json());
        return AdminHttp.decode(http.send("GET", "/v1/decisions/stats?" + parameters, null), DecisionLogJson::stats);
    }

    /** Recomputes the hash chain of the whole log. */
    public ChainVerification verify() {
        return AdminHttp.decode(http.send("GET", "/v1/decisions/verify", null), DecisionLogJson::verification);
    }

    /** Recomputes the hash chain over the batches holding records decided in {@code [from, to)}; both are required. */
    public ChainVerification verify(Instant from, Instant to) {
        String parameters = DecisionQuery.all().from(from).to(to).queryString();
        return AdminHttp.decode(http.send("GET", "/v1/decisions/verify?" + parameters, null),
                DecisionLogJson::verification);
    }
}
