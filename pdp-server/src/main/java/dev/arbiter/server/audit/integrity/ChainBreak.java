package dev.arbiter.server.audit.integrity;

import dev.arbiter.server.audit.Micros;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the decision log stops being what was written.
 *
 * @param kind {@code missing_batch}, {@code broken_link}, {@code altered_batch},
 *     {@code altered_records}, {@code altered_keys}, {@code unchained_record} or {@code head_mismatch}
 * @param seq the batch concerned; null for a record outside the chain
 * @param decisionId the record concerned, for {@code unchained_record}
 */
public record ChainBreak(String kind, Long seq, UUID batchId, Instant firstAt, Instant lastAt, UUID decisionId,
        String message) {

    static ChainBreak ofBatch(String kind, long seq, StoredBatch batch, String message) {
        return batch == null
                ? new ChainBreak(kind, seq, null, null, null, null, message)
                : new ChainBreak(kind, seq, batch.batchId(), Micros.toInstant(batch.firstMicros()),
                        Micros.toInstant(batch.lastMicros()), null, message);
    }

    /** The break to report of two: the earlier in the chain; records outside it after, the first found first. */
    static ChainBreak first(ChainBreak a, ChainBreak b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (b.seq() == null) {
            return a;
        }
        if (a.seq() == null) {
            return b;
        }
        return a.seq() <= b.seq() ? a : b;
    }
}
