package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.DecisionRows;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.store.jdbc.Jdbc;
import dev.arbiter.store.jdbc.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What auditors ask of the decision log: pages, single records, exports and statistics. Blocking JDBC. */
public final class DecisionQueries {

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
        List<LoggedDecision> records = new ArrayList<>(Math.min(limit + 1, 1_024));
        try {
            read(filter, null, after, limit + 1, true, records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // adding to a list throws none
        }
        if (records.size() <= limit) {
            return new Page(records, null);
        }
        records.remove(limit);
        return new Page(records, Cursor.after(records.get(limit - 1)));
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
                    DecisionRows.SELECT + " WHERE decided_at >= ? AND decided_at < ? AND decision_id = ?")) {
                query.setObject(1, Micros.toOffsetDateTime(millis * 1_000));
                query.setObject(2, Micros.toOffsetDateTime((millis + 1) * 1_000));
                query.setObject(3, decisionId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(DecisionRows.read(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Streams every matching record, newest first: memory stays bounded however large the result
     * (a server-side cursor, or one chunk of batches at a time). {@code limit} 0 means all.
     */
    public void export(DecisionFilter filter, Cursor after, long limit, ExportSink sink) throws IOException {
        read(filter, null, after, limit, false, sink);
    }

    /**
     * Streams the newest {@code limit} matching records of the given resource services (null: of
     * every service), newest first, as {@link #export} does.
     */
    public void newest(DecisionFilter filter, Set<String> services, long limit, ExportSink sink) throws IOException {
        read(filter, services, null, limit, false, sink);
    }

    /**
     * Hands the first {@code limit} (0: all) records matching the filter and the services to
     * {@code sink}, newest first: along the primary key, or through the batches holding the
     * filter's keys when it has some. One snapshot; {@code timed} bounds each statement.
     */
    private void read(DecisionFilter filter, Set<String> services, Cursor after, long limit, boolean timed,
            ExportSink sink) throws IOException {
        KeysAsked keys = KeysAsked.of(filter, services);
        Conditions records = Conditions.of(filter).after(after)
                .add("resource_service = ANY(?)", services == null ? null : services.toArray(String[]::new));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                if (timed) {
                    timeout(connection);
                }
                if (keys.isEmpty()) {
                    readByTime(connection, records, limit, sink);
                } else {
                    new BatchWalk(connection, BatchWalk.batchesOf(keys, filter, after), records).walk(limit, sink);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision log could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Hands the first {@code limit} (0: all) records meeting {@code conditions} to {@code sink},
     * newest first, along the primary key, through a server-side cursor so that memory stays flat
     * however many there are. Needs a transaction.
     */
    private static void readByTime(Connection connection, Conditions conditions, long limit, ExportSink sink)
            throws SQLException, IOException {
        String sql = DecisionRows.SELECT + conditions.where() + NEWEST_FIRST + (limit > 0 ? " LIMIT " + limit : "");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(EXPORT_FETCH_SIZE);
            conditions.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                sink.start();
                while (rows.next()) {
                    sink.accept(DecisionRows.read(rows));
                }
            }
        }
    }

    /**
     * Allow and deny counts per group and time bucket, at most {@code maxRows} rows: over the
     * records of the time range, or of the batches holding the filter's keys when it has some.
     */
    public StatsQuery.Result stats(DecisionFilter filter, StatsQuery.GroupBy groupBy, StatsQuery.Bucket bucket,
            int maxRows) {
        Conditions records = Conditions.of(filter);
        KeysAsked keys = KeysAsked.of(filter, null);
        Conditions batches = keys.isEmpty() ? new Conditions() : BatchWalk.batchesOf(keys, filter, null);
        String from = keys.isEmpty() ? " FROM decisions" + records.where() : BatchWalk.fromBatches(records)
                + batches.where();
        String sql = "SELECT date_trunc('" + bucket.json() + "', decided_at AT TIME ZONE 'UTC') AS bucket, "
                + groupBy.expression() + " AS key, count(*) FILTER (WHERE allow), count(*) FILTER (WHERE NOT allow)"
                + from + " GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ?";
        return Jdbc.read(dataSource, connection -> {
            timeout(connection);
            if (!keys.isEmpty()) {
                BatchWalk.preferIndexes(connection);
            }
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setInt(batches.bind(query, records.bind(query)), maxRows + 1);
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
}
