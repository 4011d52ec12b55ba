package dev.arbiter.client;

import java.time.Instant;

/**
 * The decision log's hash chain recomputed over a time window: whether the records are what was
 * written, relative to a head kept outside the database.
 *
 * @param from the window's start, null for the whole log
 * @param to the window's end, null for the whole log
 * @param head the last batch checked, null when there was none
 * @param firstBreak the first break in chain order, null when the log is intact
 */
public record ChainVerification(boolean valid, Instant from, Instant to, long batches, long records, Head head,
        ChainBreak firstBreak) {

    /** A batch of the chain and its hash (hex); keep it outside the database to detect a rewrite. */
    public record Head(long seq, String hash) {}

    /**
     * Where the chain breaks.
     *
     * @param kind {@code altered_records}, {@code altered_keys}, {@code unchained_record}, {@code altered_batch},
     *     {@code broken_link}, {@code missing_batch} or {@code head_mismatch}
     * @param seq the batch concerned, null for a record outside the chain
     * @param decisionId the record concerned, for {@code unchained_record}
     */
    public record ChainBreak(String kind, Long seq, String batchId, Instant firstAt, Instant lastAt,
            String decisionId, String message) {}
}
