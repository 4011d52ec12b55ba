package dev.arbiter.server.audit.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The batches retention removed from the chain, kept as runs of consecutive seq with the hash of
 * each run's last batch, so verification knows these gaps are legitimate and can still check the
 * link of the batch that follows a run.
 */
public final class PrunedBatches {

    /** A run of removed batches. */
    record Run(long firstSeq, long lastSeq, byte[] lastHash) {}

    private PrunedBatches() {}

    /** Removes the batches of days before {@code oldestKept} and records them as runs; answers how many. */
    public static long prune(Connection connection, LocalDate oldestKept) throws SQLException {
        List<Run> removed = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM decision_batches WHERE first_at < ? RETURNING seq, hash")) {
            delete.setObject(1, oldestKept.atStartOfDay().atOffset(ZoneOffset.UTC));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    removed.add(new Run(rows.getLong(1), rows.getLong(1), rows.getBytes(2)));
                }
            }
        }
        if (removed.isEmpty()) {
            return 0;
        }
        List<Run> all = new ArrayList<>(removed);
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "DELETE FROM decision_batches_pruned RETURNING first_seq, last_seq, last_hash")) {
            while (rows.next()) {
                all.add(new Run(rows.getLong(1), rows.getLong(2), rows.getBytes(3)));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO decision_batches_pruned (first_seq, last_seq, last_hash) VALUES (?, ?, ?)")) {
            for (Run run : coalesce(all)) {
                insert.setLong(1, run.firstSeq());
                insert.setLong(2, run.lastSeq());
                insert.setBytes(3, run.lastHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return removed.size();
    }

    /** Runs that follow each other become one, ending with the later run's hash. */
    static List<Run> coalesce(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Run::firstSeq));
        List<Run> merged = new ArrayList<>();
        for (Run run : sorted) {
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && run.firstSeq() <= last.lastSeq() + 1) {
                merged.set(merged.size() - 1, run.lastSeq() > last.lastSeq()
                        ? new Run(last.firstSeq(), run.lastSeq(), run.lastHash())
                        : last);
            } else {
                merged.add(run);
            }
        }
        return merged;
    }

    /** The runs that touch seq {@code from} to {@code to}, in seq order. */
    static List<Run> between(Connection connection, long from, long to) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT first_seq, last_seq, last_hash"
                + " FROM decision_batches_pruned WHERE last_seq >= ? AND first_seq <= ? ORDER BY first_seq")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new Run(rows.getLong(1), rows.getLong(2), rows.getBytes(3)));
                }
            }
        }
        return runs;
    }
}
