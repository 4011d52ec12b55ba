package dev.arbiter.server.audit.write;

import java.util.UUID;

/**
 * Records flushed together: one database transaction, one spill frame, one link of the chain.
 * All records are of one UTC day. The arrays are never modified once built.
 *
 * @param seq this server's order of batches; the spill replays in this order
 * @param batchId unique; the database keeps it, so a batch is never written twice
 * @param firstMicros the earliest decision time in the batch
 * @param lastMicros the latest decision time in the batch
 * @param digest SHA-256 of {@code tuples}
 * @param tuples the records in binary COPY form, in (decision time, decision id) order
 * @param format the {@link dev.arbiter.server.audit.CopyFormat} the tuples are in
 */
record LogBatch(long seq, UUID batchId, long firstMicros, long lastMicros, int count, byte[] digest, byte[] tuples,
        int format) {}
