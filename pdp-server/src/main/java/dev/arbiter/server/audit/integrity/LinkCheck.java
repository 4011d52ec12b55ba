package dev.arbiter.server.audit.integrity;

import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.Micros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The links of the chain over a window: every batch concerned, in seq order, linking to the hash
 * of the one before it (gaps allowed only where retention pruned), and the chain's head.
 */
final class LinkCheck {

    private LinkCheck() {}

    /**
     * Walks the batches overlapping the window in seq order, through to the chain's head when the
     * window is open-ended, and stops at the first break.
     */
    static Walk walk(Connection connection, long fromMicros, long toMicros, boolean toHead)
            throws SQLException {
        long[] span = seqSpan(connection, fromMicros, toMicros);
        long headSeq = chainHeadSeq(connection);
        long first = span == null ? headSeq + 1 : span[0];
        long last = toHead ? headSeq : span == null ? 0 : span[1];
        Walk walk = new Walk(first, PrunedBatches.between(connection, first - 1, last));
        if (first > last || !walk.start(previousHash(connection, first))) {
            return walk;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredBatch.COLUMNS
                + " FROM decision_batches WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            query.setFetchSize(ChainVerifier.FETCH_SIZE);
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!walk.accept(StoredBatch.read(rows))) {
                        return walk;
                    }
                }
            }
        }
        if (walk.reach(last + 1) && toHead) {
            walk.checkHead(connection, last);
        }
        return walk;
    }

    /** The links checked so far, the hash the next batch must link to, and the first problem. */
    static final class Walk {

        private final List<PrunedBatches.Run> pruned;
        private long nextSeq;
        private byte[] hash;
        long batches;
        Long headSeq;
        byte[] headHash;
        ChainBreak problem;

        Walk(long firstSeq, List<PrunedBatches.Run> pruned) {
            this.nextSeq = firstSeq;
            this.pruned = pruned;
        }

        /** Starts from the hash the first batch must link to; null when that is unknown. */
        boolean start(byte[] previousHash) {
            if (previousHash == null) {
                problem = missing(nextSeq - 1);
                return false;
            }
            hash = previousHash;
            return true;
        }

        /** Steps over runs pruned by retention up to {@code seq}; a gap no run explains is a missing batch. */
        boolean reach(long seq) {
            while (nextSeq < seq) {
                PrunedBatches.Run run = covering(nextSeq, pruned);
                if (run == null) {
                    problem = missing(nextSeq);
                    return false;
                }
                nextSeq = run.lastSeq() + 1;
                hash = run.lastHash();
            }
            return true;
        }

        boolean accept(StoredBatch batch) {
            if (!reach(batch.seq())) {
                return false;
            }
            if (!Arrays.equals(batch.previousHash(), hash)) {
                problem = ChainBreak.ofBatch("broken_link", batch.seq(), batch, "batch " + batch.seq()
                        + " does not link to the hash of the batch before it");
                return false;
            }
            if (!Arrays.equals(batch.hash(), batch.expectedHash())) {
                problem = ChainBreak.ofBatch("altered_batch", batch.seq(), batch, "the hash of batch " + batch.seq()
                        + " does not match its fields: the batch's row was changed");
                return false;
            }
            nextSeq = batch.seq() + 1;
            hash = batch.hash();
            headSeq = batch.seq();
            headHash = batch.hash();
            batches++;
            return true;
        }

        /** The chain's head row must name the last batch and its hash. */
        void checkHead(Connection connection, long seq) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT seq, hash FROM decision_chain")) {
                rows.next();
                if (rows.getLong(1) != seq || !Arrays.equals(rows.getBytes(2), hash)) {
                    problem = ChainBreak.ofBatch("head_mismatch", seq, null, "the chain's head does not name batch "
                            + seq + " with the hash the batches lead to");
                }
            }
        }

        private static ChainBreak missing(long seq) {
            return ChainBreak.ofBatch("missing_batch", seq, null, "batch " + seq
                    + " is missing from the chain; retention did not remove it");
        }

        private static PrunedBatches.Run covering(long seq, List<PrunedBatches.Run> runs) {
            for (PrunedBatches.Run run : runs) {
                if (run.firstSeq() <= seq && seq <= run.lastSeq()) {
                    return run;
                }
            }
            return null;
        }
    }

    /** The hash the batch {@code seq} must link to: the genesis, its predecessor's, a pruned run's; null if gone. */
    private static byte[] previousHash(Connection connection, long seq) throws SQLException {
        if (seq == 1) {
            return ChainHash.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT hash FROM decision_batches WHERE seq = ?")) {
            query.setLong(1, seq - 1);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    return rows.getBytes(1);
                }
            }
        }
        List<PrunedBatches.Run> runs = PrunedBatches.between(connection, seq - 1, seq - 1);
        return runs.isEmpty() || runs.get(0).lastSeq() != seq - 1 ? null : runs.get(0).lastHash();
    }

    /** The first and last seq of the batches overlapping the window, or null when none does. */
    private static long[] seqSpan(Connection connection, long fromMicros, long toMicros) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT min(seq), max(seq) FROM decision_batches"
                + " WHERE first_at < ? AND last_at >= ? AND first_at >= ?")) {
            query.setObject(1, Micros.toOffsetDateTime(toMicros));
            query.setObject(2, Micros.toOffsetDateTime(fromMicros));
            // A batch lies within one day, so this bound lets the first_at index do the work.
            query.setObject(3, Micros.toOffsetDateTime(fromMicros - Micros.DAY));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long first = rows.getLong(1);
                return rows.wasNull() ? null : new long[] {first, rows.getLong(2)};
            }
        }
    }

    private static long chainHeadSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT seq FROM decision_chain")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
