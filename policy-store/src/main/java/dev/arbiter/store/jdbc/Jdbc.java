package dev.arbiter.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs units of JDBC work in transactions, turning database failures into {@link StoreUnavailableException}. */
public final class Jdbc {

    /** Work done with one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {}

    /** Runs {@code work} in a read-committed read-write transaction. */
    public static <T> T write(DataSource dataSource, Work<T> work) {
        return transaction(dataSource, Connection.TRANSACTION_READ_COMMITTED, false, work);
    }

    /** Runs {@code work} in a repeatable-read read-only transaction: every statement sees one snapshot. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        return transaction(dataSource, Connection.TRANSACTION_REPEATABLE_READ, true, work);
    }

    private static <T> T transaction(DataSource dataSource, int isolation, boolean readOnly, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            connection.setReadOnly(readOnly);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database is unavailable: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
