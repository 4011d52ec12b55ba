package dev.arbiter.server.audit.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.audit.ByteSink;
import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import dev.arbiter.server.audit.DecisionRows;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.audit.integrity.ChainVerifier;
import dev.arbiter.server.audit.integrity.VerifyReport;
import dev.arbiter.store.TestDatabases;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Batches reach PostgreSQL exactly once, stored byte for byte as they were hashed. */
class BatchStoreTest {

    static final Instant TIME = Instant.parse("2026-11-22T10:00:00Z");

    private final DataSource dataSource = TestDatabases.fresh();
    private final BatchStore store = new BatchStore(dataSource);

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aBatchWrittenTwiceIsStoredOnceAndLinkedOnce() throws SQLException {
        LogBatch batch = Records.batch(1, TIME, 5);
        assertEquals(BatchStore.Outcome.WRITTEN, store.write(batch));
        assertEquals(BatchStore.Outcome.ALREADY_WRITTEN, store.write(batch), "a replay after a lost answer");
        assertEquals(5, count("SELECT count(*) FROM decisions"));
        assertEquals(1, count("SELECT count(*) FROM decision_batches"));
        assertEquals(1, count("SELECT seq FROM decision_chain"));
    }

    @Test
    void batchesHashedBeforeTheFrontDoorWasRecordedStillVerifyBesideNewOnes() throws SQLException {
        LoggedDecision old = new LoggedDecision(UUID.randomUUID(), Micros.of(TIME), "p", List.of(), "a", "s", "", "",
                true, "pol", "r", 1, "allowed by pol/r", "checkout", 7, "{}", null, UUID.randomUUID(), null, null);
        ByteSink tuple = new ByteSink(256);
        CopyFormat.tuple(tuple, old, CopyFormat.FIRST);
        byte[] tuples = tuple.toByteArray();
        LogBatch firstFormat = new LogBatch(1, old.batchId(), old.decidedAtMicros(), old.decidedAtMicros(), 1,
                ChainHash.sha256().digest(tuples), tuples, CopyFormat.FIRST);
        store.write(firstFormat);
        store.write(Records.batch(2, TIME.plusSeconds(1), 3));

        VerifyReport report = new ChainVerifier(dataSource).verify(null, null);
        assertTrue(report.valid(), String.valueOf(report.firstBreak()));
        assertEquals(4, report.records());
        assertEquals(1, count("SELECT count(*) FROM decisions WHERE api IS NULL"), "the old record has no api");
    }

    @Test
    void batchesAreLinkedInCommitOrder() throws SQLException {
        LogBatch first = Records.batch(1, TIME, 2);
        LogBatch second = Records.batch(2, TIME.plusSeconds(1), 3);
        store.write(first);
        store.write(second);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT seq, prev_hash, hash FROM decision_batches ORDER BY seq")) {
            assertTrue(rows.next());
            byte[] firstHash = ChainHash.link(ChainHash.GENESIS, 1, first.batchId(), first.firstMicros(),
                    first.lastMicros(), 2, first.digest());
            assertArrayEquals(ChainHash.GENESIS, rows.getBytes(2));
            assertArrayEquals(firstHash, rows.getBytes(3));
            assertTrue(rows.next());
            assertArrayEquals(firstHash, rows.getBytes(2));
            assertArrayEquals(ChainHash.link(firstHash, 2, second.batchId(), second.firstMicros(), second.lastMicros(),
                    3, second.digest()), rows.getBytes(3));
            assertFalse(rows.next());
        }
    }

    @Test
    void theRecordsReadBackHashToTheBatchDigest() throws Exception {
        LogBatch batch = Records.batch(1, TIME, 50);
        store.write(batch);
        assertArrayEquals(batch.digest(), digestOfStoredRecords(batch.format()));
    }

    @Test
    void recordsThatArriveOutOfKeyOrderAreHashedInKeyOrderWithTheirTextIntact() throws Exception {
        BatchAssembler assembler = new BatchAssembler(AuditMask.NONE);
        for (int i = 20; i > 0; i--) {
            assembler.add(Records.at(TIME.plusNanos(i * 1_000L), "spiffe://acme/ünïcode-" + i + "-\u2603-☃"));
        }
        LogBatch batch = assembler.build(1);
        store.write(batch);
        assertArrayEquals(batch.digest(), digestOfStoredRecords(batch.format()));
    }

    private byte[] digestOfStoredRecords(int format) throws SQLException {
        MessageDigest digest = ChainHash.sha256();
        ByteSink tuple = new ByteSink(256);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        DecisionRows.SELECT + " ORDER BY decided_at, decision_id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tuple.reset();
                CopyFormat.tuple(tuple, DecisionRows.read(rows), format);
                tuple.digestInto(digest);
            }
        }
        return digest.digest();
    }

    @Test
    void contentErrorsAreToldApartFromOutages() {
        assertTrue(BatchStore.refusesContent(new SQLException("bad", "22P02")));
        assertTrue(BatchStore.refusesContent(new SQLException("duplicate", "23505")));
        assertFalse(BatchStore.refusesContent(new SQLException("connection refused", "08001")));
        assertFalse(BatchStore.refusesContent(new SQLException("shutting down", "57P01")));
        assertFalse(BatchStore.refusesContent(new SQLException("no state")));
    }
}
