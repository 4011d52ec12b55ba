package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.ByteSink;
import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Collects the records of one UTC day into a batch, masking and encoding each as it arrives so
 * that a batch is bounded in bytes as well as in records.
 */
final class BatchAssembler {

    static final int MAX_RECORDS = 2_000;
    static final int MAX_BYTES = 8 * 1024 * 1024;

    /** PostgreSQL's order of the primary key (decided_at, decision_id); uuids compare as unsigned bytes. */
    private static final Comparator<Encoded> KEY_ORDER = Comparator.comparingLong(Encoded::micros)
            .thenComparing(Encoded::id, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    private final AuditMask mask;
    private final ByteSink scratch = new ByteSink(4096);
    private final List<Encoded> records = new ArrayList<>();
    private UUID batchId;
    private long day;
    private int bytes;

    private record Encoded(long micros, UUID id, byte[] tuple) {}

    BatchAssembler(AuditMask mask) {
        this.mask = mask;
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    boolean isFull() {
        return records.size() >= MAX_RECORDS || bytes >= MAX_BYTES;
    }

    /** Whether {@code record} may join this batch: batches never span two days. */
    boolean accepts(DecisionRecord record) {
        return records.isEmpty() || dayOf(record.decidedAtMicros()) == day;
    }

    void add(DecisionRecord record) {
        if (records.isEmpty()) {
            batchId = UUID.randomUUID();
            day = dayOf(record.decidedAtMicros());
        }
        scratch.reset();
        CopyFormat.tuple(scratch, LoggedDecision.of(record, batchId, mask), CopyFormat.CURRENT);
        byte[] tuple = scratch.toByteArray();
        records.add(new Encoded(record.decidedAtMicros(), record.decisionId(), tuple));
        bytes += tuple.length;
    }

    /** The batch of everything added since the last build; the assembler is empty afterwards. */
    LogBatch build(long seq) {
        records.sort(KEY_ORDER);
        byte[] tuples = new byte[bytes];
        int offset = 0;
        for (Encoded record : records) {
            System.arraycopy(record.tuple(), 0, tuples, offset, record.tuple().length);
            offset += record.tuple().length;
        }
        MessageDigest digest = ChainHash.sha256();
        LogBatch batch = new LogBatch(seq, batchId, records.get(0).micros(), records.get(records.size() - 1).micros(),
                records.size(), digest.digest(tuples), tuples, CopyFormat.CURRENT);
        records.clear();
        bytes = 0;
        return batch;
    }

    static long dayOf(long micros) {
        return Math.floorDiv(micros, Micros.DAY);
    }
}
