package dev.arbiter.server.audit.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.integrity.ChainVerifier;
import dev.arbiter.server.audit.integrity.VerifyReport;
import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Daily partitions: created ahead, dropped whole past the retention, the chain still verifiable. */
class PartitionsTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final DataSource dataSource = TestDatabases.fresh();
    private final BatchStore store = new BatchStore(dataSource);

    private Partitions at(Instant now, int retentionDays) {
        return new Partitions(dataSource, Clock.fixed(now, ZoneOffset.UTC), retentionDays);
    }

    private List<String> partitions() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                        + " ON c.oid = i.inhrelid WHERE i.inhparent = 'decisions'::regclass ORDER BY 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String partitionOf(LogBatch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT tableoid::regclass::text FROM decisions"
                        + " WHERE batch_id = '" + batch.batchId() + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void createsTodayAndTheWeekAheadOnceAndOnlyOnce() throws SQLException {
        Partitions.Result first = at(NOW, 90).maintain();
        assertEquals(Partitions.DAYS_AHEAD + 1, first.created().size());
        assertEquals(LocalDate.parse("2026-11-22"), first.created().get(0));
        assertTrue(partitions().contains("decisions_20261129"));
        assertTrue(at(NOW, 90).maintain().created().isEmpty(), "idempotent");
        assertTrue(at(NOW.plus(Duration.ofDays(1)), 90).maintain().created()
                .equals(List.of(LocalDate.parse("2026-11-30"))), "one more each day");
    }

    @Test
    void retentionDropsOnlyWholeDaysOlderThanItAndTheChainStillVerifies() throws SQLException {
        at(NOW.minus(Duration.ofDays(100)), 90).maintain();
        LogBatch dropped = Records.batch(1, NOW.minus(Duration.ofDays(100)), 3);
        LogBatch lastDropped = Records.batch(2, NOW.minus(Duration.ofDays(95)), 2);
        LogBatch oldInDefault = Records.batch(3, NOW.minus(Duration.ofDays(120)), 2);
        LogBatch keptInDefault = Records.batch(4, NOW.minus(Duration.ofDays(50)), 2);
        LogBatch justKept = Records.batch(5, NOW.minus(Duration.ofDays(90)), 1);
        for (LogBatch batch : List.of(dropped, keptInDefault, lastDropped, oldInDefault, justKept)) {
            assertEquals(BatchStore.Outcome.WRITTEN, store.write(batch));
        }
        assertEquals("decisions_20260814", partitionOf(dropped));
        assertEquals("decisions_default", partitionOf(oldInDefault));

        Partitions.Result result = at(NOW, 90).maintain();

        assertEquals(8, result.dropped().size(), "the eight days created 100 days ago are all past 90 days");
        assertFalse(partitions().contains("decisions_20260814"));
        assertEquals(3, result.prunedBatches());
        assertEquals(2 + 1, count("SELECT count(*) FROM decisions"), "the kept records remain");
        assertEquals(0, count("SELECT count(*) FROM decisions WHERE batch_id = '" + oldInDefault.batchId() + "'"));
        assertEquals(2, count("SELECT count(*) FROM decision_batches"));
        VerifyReport report = new ChainVerifier(dataSource).verify(null, null);
        assertTrue(report.valid(), String.valueOf(report.firstBreak()));
        assertEquals(3, report.records());
        assertEquals(2, report.batches());
        assertEquals(2, count("SELECT count(*) FROM decision_batches_pruned"), "seq 1, and seq 3 to 4, as two runs");
    }

    @Test
    void aDayWhoseRecordsLandedInTheDefaultPartitionGetsItsPartitionWithThem() throws SQLException {
        at(NOW, 90).maintain();
        Instant later = NOW.plus(Duration.ofDays(30));
        LogBatch early = Records.batch(1, later, 4);
        store.write(early);
        assertEquals("decisions_default", partitionOf(early));

        at(later.minus(Duration.ofDays(2)), 90).maintain();

        assertEquals("decisions_20261222", partitionOf(early));
        assertEquals(0, count("SELECT count(*) FROM decisions_default"));
        assertEquals(4, count("SELECT count(*) FROM decisions"));
        assertTrue(new ChainVerifier(dataSource).verify(null, null).valid());
    }
}
