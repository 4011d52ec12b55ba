package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.ChainHash;
import dev.arbiter.server.audit.CopyFormat;
import dev.arbiter.server.audit.FilterKeys;
import dev.arbiter.server.audit.Micros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes one batch per transaction: its records by binary COPY, then its link of the hash chain
 * with the batch's {@link FilterKeys}.
 * Idempotent: a batch whose id the database already holds (committed before the answer was lost,
 * or replayed again after a crash) is skipped, so every record is stored exactly once.
 */
final class BatchStore {

    /** What became of a batch handed to {@link #write}. */
    enum Outcome { WRITTEN, ALREADY_WRITTEN }

    private final DataSource dataSource;

    BatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Outcome write(LogBatch batch) throws SQLException {
        String[] filterKeys = FilterKeys.of(batch.tuples());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = write(connection, batch, filterKeys);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Whether the database answers at all. */
    void ping() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private static Outcome write(Connection connection, LogBatch batch, String[] filterKeys) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // A replica that died holding the chain lock must not stall this writer for long.
            statement.execute("SET LOCAL lock_timeout = '10s'");
        }
        if (exists(connection, batch.batchId())) {
            return Outcome.ALREADY_WRITTEN;
        }
        copy(connection, batch);
        link(connection, batch, filterKeys);
        return Outcome.WRITTEN;
    }

    private static boolean exists(Connection connection, UUID batchId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM decision_batches WHERE batch_id = ?")) {
            query.setObject(1, batchId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void copy(Connection connection, LogBatch batch) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(CopyFormat.copyIn(batch.format()));
        try {
            copy.writeToCopy(CopyFormat.HEADER, 0, CopyFormat.HEADER.length);
            copy.writeToCopy(batch.tuples(), 0, batch.tuples().length);
            copy.writeToCopy(CopyFormat.TRAILER, 0, CopyFormat.TRAILER.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Appends the batch to the chain under the head's row lock, so concurrent writers never fork it. */
    private static void link(Connection connection, LogBatch batch, String[] filterKeys) throws SQLException {
        long previousSeq;
        byte[] previousHash;
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT seq, hash FROM decision_chain FOR UPDATE")) {
            head.next();
            previousSeq = head.getLong(1);
            previousHash = head.getBytes(2);
        }
        long seq = previousSeq + 1;
        byte[] hash = ChainHash.link(previousHash, seq, batch.batchId(), batch.firstMicros(), batch.lastMicros(),
                batch.count(), batch.digest());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO decision_batches (seq, batch_id,"
                + " first_at, last_at, record_count, digest, prev_hash, hash, format, filter_keys)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setObject(2, batch.batchId());
            insert.setObject(3, Micros.toOffsetDateTime(batch.firstMicros()));
            insert.setObject(4, Micros.toOffsetDateTime(batch.lastMicros()));
            insert.setInt(5, batch.count());
            insert.setBytes(6, batch.digest());
            insert.setBytes(7, previousHash);
            insert.setBytes(8, hash);
            insert.setInt(9, batch.format());
            insert.setObject(10, filterKeys);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE decision_chain SET seq = ?, hash = ?")) {
            update.setLong(1, seq);
            update.setBytes(2, hash);
            update.executeUpdate();
        }
    }

    /**
     * Whether the database refused the batch's content itself (a data or integrity error), so that
     * retrying can never succeed; any other failure is an outage to wait out.
     */
    static boolean refusesContent(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
