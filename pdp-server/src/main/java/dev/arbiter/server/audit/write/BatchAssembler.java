package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.ByteSink;
import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.KeyOrder;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.audit.PendingRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Collects the records of one UTC day into a batch, masking and encoding each as it arrives, all
 * into one buffer, so that a batch is bounded in bytes as well as in records and a record is
 * copied once more only when the batch is put in key order.
 */
final class BatchAssembler {

    static final int MAX_RECORDS = 2_000;
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private static final Comparator<Encoded> KEY_ORDER =
            Comparator.comparingLong(Encoded::micros).thenComparing(Encoded::id, KeyOrder::uuids);

    private final AuditMask mask;
    private final ByteSink tuples = new ByteSink(256 * 1024);
    private final List<Encoded> records = new ArrayList<>();
    private UUID batchId;
    private long day;

    /** Where a record's tuple lies in the buffer. */
    private record Encoded(long micros, UUID id, int offset, int length) {}

    BatchAssembler(AuditMask mask) {
        this.mask = mask;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    boolean isFull() {
        return records.size() >= MAX_RECORDS || tuples.length() >= MAX_BYTES;
    }

    /** Whether {@code record} may join this batch: batches never span two days. */
    boolean accepts(DecisionRecord record) {
        return records.isEmpty() || dayOf(record.decidedAtMicros()) == day;
    }

    /** Encodes {@code record} into the batch; a record that cannot be encoded leaves no trace and throws. */
    void add(DecisionRecord record) {
        if (records.isEmpty()) {
            batchId = UUID.randomUUID();
            day = dayOf(record.decidedAtMicros());
        }
        int offset = tuples.length();
        try {
            CopyFormat.tuple(tuples, new PendingRecord(record, batchId, mask), CopyFormat.CURRENT);
        } catch (RuntimeException e) {
            tuples.truncate(offset);
            throw e;
        }
        records.add(new Encoded(record.decidedAtMicros(), record.decisionId(), offset, tuples.length() - offset));
    }

    /** The batch of everything added since the last build; the assembler is empty afterwards. */
    LogBatch build(long seq) {
        byte[] ordered = inKeyOrder();
        LogBatch batch = new LogBatch(seq, batchId, records.get(0).micros(), records.get(records.size() - 1).micros(),
                records.size(), ChainHash.sha256().digest(ordered), ordered, CopyFormat.CURRENT);
        records.clear();
        tuples.reset();
        return batch;
    }

    /** The tuples in primary key order, which is how they are hashed and, when verified, read back. */
    private byte[] inKeyOrder() {
        List<Encoded> arrived = List.copyOf(records);
        records.sort(KEY_ORDER);
        if (records.equals(arrived)) {
            return tuples.toByteArray();
        }
        byte[] ordered = new byte[tuples.length()];
        int at = 0;
        for (Encoded record : records) {
            tuples.copy(record.offset(), record.length(), ordered, at);
            at += record.length();
        }
        return ordered;
    }

    static long dayOf(long micros) {
        return Math.floorDiv(micros, Micros.DAY);
    }
}
