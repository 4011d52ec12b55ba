package dev.arbiter.server.audit.query;

import dev.arbiter.server.audit.DecisionRows;
import dev.arbiter.server.audit.KeyOrder;
import dev.arbiter.server.audit.LoggedDecision;
import dev.arbiter.server.audit.Micros;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reads the records a keyed filter matches, newest first, by walking the batches that hold its
 * keys in order of their newest record, a chunk of batches at a time. Every batch not read yet
 * ends at or before the oldest end among those read, so the records read that are newer than it
 * are final and handed on in order; the walk stops once enough are. Batches of several replicas
 * overlap in time: this is what keeps their records in order. A chunk grows while its batches
 * yield few records, within a bound on the records it may hold.
 */
final class BatchWalk {

    /** A batch to read; the one read last is where the walk is, in (last_at, seq) order, newest first. */
    private record Batch(long seq, long lastMicros, int records) {}

    private static final int FIRST_CHUNK = 8;
    private static final int MAX_CHUNK = 1_024;
    /** Records the batches of one chunk may hold together (one batch at least). */
    private static final long CHUNK_RECORDS = 50_000;

    private final Connection connection;
    private final Conditions batches;
    private final Conditions records;

    /**
     * @param batches the conditions on decision_batches of the batches that may hold matching records
     * @param records the conditions on the records themselves
     */
    BatchWalk(Connection connection, Conditions batches, Conditions records) {
        this.connection = connection;
        this.batches = batches;
        this.records = records;
    }

    /** Hands the first {@code limit} matching records (0: all) to {@code sink}, newest first. */
    void walk(long limit, DecisionQueries.ExportSink sink) throws SQLException, IOException {
        PriorityQueue<LoggedDecision> read = new PriorityQueue<>(KeyOrder.NEWEST_FIRST);
        Batch position = null;
        int chunk = FIRST_CHUNK;
        long handed = 0;
        long batchesRead = 0;
        long recordsRead = 0;
        preferIndexes(connection);
        sink.start();
        while (true) {
            List<Batch> fetched = batches(position, chunk);
            List<Batch> batches = withinBudget(fetched);
            boolean lastChunk = fetched.size() < chunk && batches.size() == fetched.size();
            if (!batches.isEmpty()) {
                List<LoggedDecision> records = records(batches);
                read.addAll(records);
                batchesRead += batches.size();
                recordsRead += records.size();
                position = batches.get(batches.size() - 1);
            }
            while (!read.isEmpty() && (lastChunk || read.peek().decidedAtMicros() > position.lastMicros())) {
                sink.accept(read.poll());
                if (++handed == limit) {
                    return;
                }
            }
            if (lastChunk) {
                return;
            }
            chunk = limit == 0 || recordsRead == 0 ? Math.min(chunk * 4, MAX_CHUNK)
                    : toYield(limit - handed - read.size(), batchesRead, recordsRead);
        }
    }

    /** As many batches as should yield the records still {@code missing} at the yield so far, with a quarter more. */
    private static int toYield(long missing, long batchesRead, long recordsRead) {
        double expected = Math.max(missing, 1) * 1.25 * batchesRead / recordsRead;
        return (int) Math.max(FIRST_CHUNK, Math.min(MAX_CHUNK, Math.ceil(expected)));
    }

    /** The next {@code chunk} batches that may hold matching records, after {@code position}. */
    private List<Batch> batches(Batch position, int chunk) throws SQLException {
        Conditions conditions = batches.copy();
        if (position != null) {
            conditions.add("(last_at, seq) < (?, ?)", Micros.toOffsetDateTime(position.lastMicros()), position.seq());
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, last_at, record_count"
                + " FROM decision_batches" + conditions.where() + " ORDER BY last_at DESC, seq DESC LIMIT ?")) {
            query.setInt(conditions.bind(query), chunk);
            List<Batch> batches = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batches.add(new Batch(rows.getLong(1), Micros.of(rows.getObject(2, OffsetDateTime.class)),
                            rows.getInt(3)));
                }
            }
            return batches;
        }
    }

    /**
     * The conditions on decision_batches of the batches that may hold records {@code filter} matches
     * after {@code cursor} (null: from the newest).
     */
    static Conditions batchesOf(KeysAsked keys, DecisionFilter filter, Cursor cursor) {
        return keys.addTo(new Conditions()).time("last_at >= ?", filter.from()).time("first_at < ?", filter.to())
                .add("first_at <= ?", cursor == null ? null : Micros.toOffsetDateTime(cursor.decidedAtMicros()));
    }

    /** The leading batches whose records fit the bound of a chunk, one at least. */
    private static List<Batch> withinBudget(List<Batch> batches) {
        long records = 0;
        for (int i = 0; i < batches.size(); i++) {
            records += batches.get(i).records();
            if (records > CHUNK_RECORDS && i > 0) {
                return batches.subList(0, i);
            }
        }
        return batches;
    }

    /**
     * Joins each batch ({@code walk}, a row of decision_batches) to its records that meet
     * {@code conditions} ({@code d}, every column of {@link DecisionRows}), read by the primary key
     * over the batch's time range. The conditions' parameters come first.
     */
    static String fromBatches(Conditions conditions) {
        // OFFSET 0 keeps the subquery apart, so it runs per batch over a range of the primary key;
        // merged into the join, the planner would rather scan whole partitions.
        return " FROM decision_batches walk CROSS JOIN LATERAL (" + DecisionRows.SELECT
                + " WHERE decided_at >= walk.first_at AND decided_at <= walk.last_at AND batch_id = walk.batch_id"
                + conditions.and() + " OFFSET 0) d";
    }

    /**
     * Makes the rest of the transaction read tables by bitmaps of their indexes only, so that
     * batches are found through the GIN index of their keys. The planner does not count the cost
     * of reading a batch's keys (tens of kilobytes stored out of line) when it tests them row by
     * row, so a scan of the batches in time order, or of all of them, looks cheap for a common
     * key, and it reads every array it passes.
     */
    static void preferIndexes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL enable_seqscan = off");
            statement.execute("SET LOCAL enable_indexscan = off");
        }
    }

    /** The records of {@code batches} that match the filter, read by the primary key, batch by batch. */
    private List<LoggedDecision> records(List<Batch> batches) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT d.*" + fromBatches(records) + " WHERE walk.seq = ANY(?)")) {
            query.setArray(records.bind(query), connection.createArrayOf("bigint",
                    batches.stream().map(Batch::seq).toArray()));
            List<LoggedDecision> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(DecisionRows.read(rows));
                }
            }
            return records;
        }
    }
}
