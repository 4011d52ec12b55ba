package dev.arbiter.server.audit;

import dev.arbiter.store.jdbc.Jdbc;
import dev.arbiter.store.jdbc.StoreUnavailableException;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What auditors ask of the decision log: pages, single records, exports and statistics. Blocking JDBC. */
public final class DecisionQueries {

    static final String SELECT = "SELECT " + CopyFormat.COLUMNS + " FROM decisions";
    private static final String NEWEST_FIRST = " ORDER BY decided_at DESC, decision_id DESC";
    private static final String TIMEOUT = "SET LOCAL statement_timeout = '60s'";
    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public DecisionQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One page, newest first, and the cursor of the next one (null when this is the last). */
    public record Page(List<LoggedDecision> decisions, Cursor next) {}

    /** Receives streamed records one by one; {@link #start()} comes first, once the query runs. */
    public interface ExportSink {
        default void start() throws IOException {}

        void accept(LoggedDecision record) throws IOException;
    }

    public Page page(DecisionFilter filter, Cursor after, int limit) {
        Conditions conditions = Conditions.of(filter).after(after);
        return Jdbc.read(dataSource, connection -> {
            timeout(connection);
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + conditions.where() + NEWEST_FIRST + " LIMIT ?")) {
                query.setInt(conditions.bind(query), limit + 1);
                List<LoggedDecision> records = new ArrayList<>(Math.min(limit + 1, 1_024));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        records.add(read(rows));
                    }
                }
                if (records.size() <= limit) {
                    return new Page(records, null);
                }
                records.remove(limit);
                return new Page(records, Cursor.after(records.get(limit - 1)));
            }
        });
    }

    /**
     * The record of {@code decisionId}. Decision ids are UUIDv7 carrying the millisecond the
     * decision was made, so the lookup reads one millisecond of the primary key.
     */
    public Optional<LoggedDecision> find(UUID decisionId) {
        if (decisionId.version() != 7) {
            return Optional.empty();
        }
        long millis = decisionId.getMostSignificantBits() >>> 16;
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + " WHERE decided_at >= ? AND decided_at < ? AND decision_id = ?")) {
                query.setObject(1, Micros.toOffsetDateTime(millis * 1_000));
                query.setObject(2, Micros.toOffsetDateTime((millis + 1) * 1_000));
                query.setObject(3, decisionId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Streams every matching record, newest first, through a server-side cursor: memory stays
     * flat however large the result. {@code limit} 0 means all.
     */
    public void export(DecisionFilter filter, Cursor after, long limit, ExportSink sink) throws IOException {
        stream(Conditions.of(filter).after(after), limit, sink);
    }

    /**
     * Streams the newest {@code limit} matching records of the given resource services (null: of
     * every service), newest first, as {@link #export} does.
     */
    public void newest(DecisionFilter filter, Set<String> services, long limit, ExportSink sink) throws IOException {
        Conditions conditions = Conditions.of(filter)
                .add("resource_service = ANY(?)", services == null ? null : services.toArray(String[]::new));
        stream(conditions, limit, sink);
    }

    private void stream(Conditions conditions, long limit, ExportSink sink) throws IOException {
        String sql = SELECT + conditions.where() + NEWEST_FIRST + (limit > 0 ? " LIMIT " + limit : "");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setFetchSize(EXPORT_FETCH_SIZE);
                conditions.bind(query);
                try (ResultSet rows = query.executeQuery()) {
                    sink.start();
                    while (rows.next()) {
                        sink.accept(read(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision log could not be read: " + e.getMessage(), e);
        }
    }

    /** Allow and deny counts per group and time bucket, at most {@code maxRows} rows. */
    public StatsQuery.Result stats(DecisionFilter filter, StatsQuery.GroupBy groupBy, StatsQuery.Bucket bucket,
            int maxRows) {
        Conditions conditions = Conditions.of(filter);
        String sql = "SELECT date_trunc('" + bucket.json() + "', decided_at AT TIME ZONE 'UTC') AS bucket, "
                + groupBy.expression() + " AS key, count(*) FILTER (WHERE allow), count(*) FILTER (WHERE NOT allow)"
                + " FROM decisions" + conditions.where() + " GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ?";
        return Jdbc.read(dataSource, connection -> {
            timeout(connection);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setInt(conditions.bind(query), maxRows + 1);
                List<StatsQuery.Row> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(new StatsQuery.Row(result.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                result.getString(2), result.getLong(3), result.getLong(4)));
                    }
                }
                boolean truncated = rows.size() > maxRows;
                return new StatsQuery.Result(truncated ? rows.subList(0, maxRows) : rows, truncated);
            }
        });
    }

    private static void timeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TIMEOUT);
        }
    }

    /** Reads the current row of a query selecting {@link CopyFormat#COLUMNS}. */
    static LoggedDecision read(ResultSet row) throws SQLException {
        Array roles = row.getArray(4);
        try {
            return new LoggedDecision(row.getObject(1, UUID.class),
                    Micros.of(row.getObject(2, OffsetDateTime.class)), row.getString(3),
                    Arrays.asList((String[]) roles.getArray()), row.getString(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getBoolean(9), row.getString(10), row.getString(11), row.getLong(12),
                    row.getString(13), row.getString(14), row.getInt(15), row.getString(16), row.getString(17),
                    row.getObject(18, UUID.class));
        } finally {
            roles.free();
        }
    }
}
