package dev.arbiter.server.audit;

import dev.arbiter.store.jdbc.Jdbc;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Re-computes the hash chain over a window of decision time, in one snapshot: every link of the
 * batches concerned (in seq order, gaps allowed only where retention pruned), then every record
 * of those batches against its batch's digest, day by day and streaming, so memory stays flat.
 */
public final class ChainVerifier {

    private static final int FETCH_SIZE = 1_000;
    private static final long DAY_MICROS = BatchAssembler.DAY_MICROS;

    private final DataSource dataSource;

    public ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Verifies the records decided in [from, to); a null bound means the oldest or newest record. */
    public VerifyReport verify(Instant from, Instant to) {
        return Jdbc.read(dataSource, connection -> {
            Instant start = from != null ? from : earliest(connection);
            Instant end = to != null ? to : latest(connection);
            if (start == null || !start.isBefore(end)) {
                return new VerifyReport(start, end, 0, 0, null, null, null);
            }
            LinkWalk links = links(connection, Micros.of(start), Micros.of(end), to == null);
            ChainBreak contentBreak = null;
            long records = 0;
            for (LocalDate day = day(start); day.isBefore(day(end.minusNanos(1)).plusDays(1)); day = day.plusDays(1)) {
                DayCheck check = new DayCheck(day, Micros.of(start), Micros.of(end));
                check.run(connection);
                records += check.records;
                contentBreak = ChainBreak.first(contentBreak, check.firstBreak);
            }
            return new VerifyReport(start, end, links.batches, records, links.headSeq, links.headHash,
                    ChainBreak.first(links.problem, contentBreak));
        });
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant earliest(Connection connection) throws SQLException {
        return instant(connection, "SELECT least((SELECT min(first_at) FROM decision_batches),"
                + " (SELECT min(decided_at) FROM decisions))");
    }

    /** Just after the newest record or batch, and not before now. */
    private static Instant latest(Connection connection) throws SQLException {
        Instant newest = instant(connection, "SELECT greatest((SELECT max(last_at) FROM decision_batches),"
                + " (SELECT max(decided_at) FROM decisions)) + interval '1 microsecond'");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return newest == null || newest.isBefore(now) ? now : newest;
    }

    private static Instant instant(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            OffsetDateTime value = rows.getObject(1, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }

    /**
     * Walks the batches overlapping the window in seq order, through to the chain's head when the
     * window is open-ended, and stops at the first break.
     */
    private static LinkWalk links(Connection connection, long fromMicros, long toMicros, boolean toHead)
            throws SQLException {
        long[] span = seqSpan(connection, fromMicros, toMicros);
        long headSeq = chainHeadSeq(connection);
        long first = span == null ? headSeq + 1 : span[0];
        long last = toHead ? headSeq : span == null ? 0 : span[1];
        LinkWalk walk = new LinkWalk(first, PrunedBatches.between(connection, first - 1, last));
        if (first > last || !walk.start(previousHash(connection, first))) {
            return walk;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredBatch.COLUMNS
                + " FROM decision_batches WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            query.setFetchSize(FETCH_SIZE);
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
    private static final class LinkWalk {

        private final List<PrunedBatches.Run> pruned;
        private long nextSeq;
        private byte[] hash;
        private long batches;
        private Long headSeq;
        private byte[] headHash;
        private ChainBreak problem;

        LinkWalk(long firstSeq, List<PrunedBatches.Run> pruned) {
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
            query.setObject(3, Micros.toOffsetDateTime(fromMicros - DAY_MICROS));
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

    /** Re-hashes the records of the batches of one day that overlap the window. */
    private static final class DayCheck {

        private final long dayStart;
        private final long dayEnd;
        private final long fromMicros;
        private final long toMicros;
        private final Map<UUID, Digesting> batches = new HashMap<>();
        private final ByteSink tuple = new ByteSink(4096);
        private long records;
        private ChainBreak firstBreak;

        /** A batch being re-hashed; {@code checked} when it overlaps the window. */
        private static final class Digesting {
            final StoredBatch stored;
            final boolean checked;
            final MessageDigest digest = ChainHash.sha256();
            int count;

            Digesting(StoredBatch stored, boolean checked) {
                this.stored = stored;
                this.checked = checked;
            }
        }

        DayCheck(LocalDate day, long fromMicros, long toMicros) {
            this.dayStart = Micros.of(day.atStartOfDay().toInstant(ZoneOffset.UTC));
            this.dayEnd = dayStart + DAY_MICROS;
            this.fromMicros = fromMicros;
            this.toMicros = toMicros;
        }

        void run(Connection connection) throws SQLException {
            long low = Math.max(dayStart, fromMicros);
            long high = Math.min(dayEnd, toMicros);
            try (PreparedStatement query = connection.prepareStatement("SELECT " + StoredBatch.COLUMNS
                    + " FROM decision_batches WHERE first_at >= ? AND first_at < ?")) {
                query.setObject(1, Micros.toOffsetDateTime(dayStart));
                query.setObject(2, Micros.toOffsetDateTime(dayEnd));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        StoredBatch batch = StoredBatch.read(rows);
                        boolean checked = batch.firstMicros() < toMicros && batch.lastMicros() >= fromMicros;
                        batches.put(batch.batchId(), new Digesting(batch, checked));
                        if (checked) {
                            low = Math.min(low, batch.firstMicros());
                            high = Math.max(high, batch.lastMicros() + 1);
                        }
                    }
                }
            }
            rehash(connection, low, high);
            for (Digesting batch : batches.values()) {
                if (batch.checked) {
                    compare(batch);
                }
            }
        }

        private void rehash(Connection connection, long low, long high) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(DecisionQueries.SELECT
                    + " WHERE decided_at >= ? AND decided_at < ? ORDER BY decided_at, decision_id")) {
                query.setFetchSize(FETCH_SIZE);
                query.setObject(1, Micros.toOffsetDateTime(low));
                query.setObject(2, Micros.toOffsetDateTime(high));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        LoggedDecision record = DecisionQueries.read(rows);
                        Digesting batch = record.batchId() == null ? null : batches.get(record.batchId());
                        if (batch == null) {
                            unchained(record);
                        } else if (batch.checked) {
                            tuple.reset();
                            CopyFormat.tuple(tuple, record);
                            tuple.digestInto(batch.digest);
                            batch.count++;
                        }
                    }
                }
            }
        }

        private void unchained(LoggedDecision record) {
            boolean inWindow = record.decidedAtMicros() >= fromMicros && record.decidedAtMicros() < toMicros;
            if (inWindow) {
                Instant at = Micros.toInstant(record.decidedAtMicros());
                firstBreak = ChainBreak.first(firstBreak, new ChainBreak("unchained_record", null,
                        record.batchId(), at, at, record.decisionId(), "decision " + record.decisionId()
                        + " belongs to no batch of the chain: it was not written by the decision log"));
            }
        }

        private void compare(Digesting batch) {
            records += batch.count;
            StoredBatch stored = batch.stored;
            boolean sameCount = batch.count == stored.count();
            if (sameCount && Arrays.equals(batch.digest.digest(), stored.digest())) {
                return;
            }
            String found = sameCount
                    ? "their content differs"
                    : batch.count + " records found where " + stored.count() + " were written";
            firstBreak = ChainBreak.first(firstBreak, ChainBreak.ofBatch("altered_records", stored.seq(), stored,
                    "the records of batch " + stored.seq() + " do not match its digest: " + found));
        }
    }
}
