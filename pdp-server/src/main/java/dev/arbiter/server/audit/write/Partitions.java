package dev.arbiter.server.audit.write;

import dev.arbiter.server.audit.integrity.PrunedBatches;
import dev.arbiter.store.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Keeps the decision log's daily partitions: creates those of the next {@link #DAYS_AHEAD} days
 * and drops whole days older than the retention, with their batches of the chain. Runs at start
 * and then hourly; one replica at a time (advisory lock), idempotent.
 *
 * <p>Partitions exist well before their day, so records normally never land in the default
 * partition. If some do (the database was unreachable for longer than that), creating their
 * day's partition moves them out of the default partition first, since PostgreSQL refuses a
 * partition whose rows sit in the default one. Days before today are never created: their rare
 * records stay in the default partition and expire from it row by row.
 */
public final class Partitions {

    public static final int DAYS_AHEAD = 7;
    private static final long ADVISORY_LOCK = 0x4172_6269_7465_7231L;
    private static final String PREFIX = "decisions_";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'" + PREFIX + "'yyyyMMdd");

    private final DataSource dataSource;
    private final Clock clock;
    private final int retentionDays;

    /** What one maintenance run did; empty when another replica was running it. */
    public record Result(List<LocalDate> created, List<LocalDate> dropped, long prunedBatches) {}

    public Partitions(DataSource dataSource, Clock clock, int retentionDays) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    public Result maintain() {
        return Jdbc.write(dataSource, connection -> {
            if (!tryLock(connection)) {
                return new Result(List.of(), List.of(), 0);
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            TreeSet<LocalDate> existing = existing(connection);
            List<LocalDate> created = new ArrayList<>();
            for (LocalDate day = today; !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
                if (!existing.contains(day)) {
                    create(connection, day);
                    created.add(day);
                }
            }
            LocalDate oldestKept = today.minusDays(retentionDays);
            List<LocalDate> dropped = new ArrayList<>(existing.headSet(oldestKept));
            for (LocalDate day : dropped) {
                execute(connection, "DROP TABLE " + name(day));
            }
            try (PreparedStatement expire = connection.prepareStatement(
                    "DELETE FROM decisions_default WHERE decided_at < ?")) {
                expire.setObject(1, oldestKept.atStartOfDay().atOffset(ZoneOffset.UTC));
                expire.executeUpdate();
            }
            long pruned = PrunedBatches.prune(connection, oldestKept);
            return new Result(created, dropped, pruned);
        });
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        execute(connection, "SET LOCAL lock_timeout = '5s'");
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static TreeSet<LocalDate> existing(Connection connection) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>(Comparator.naturalOrder());
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'decisions'::regclass")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (name.matches(PREFIX + "\\d{8}")) {
                    days.add(LocalDate.parse(name, NAME));
                }
            }
        }
        return days;
    }

    private static void create(Connection connection, LocalDate day) throws SQLException {
        String bounds = "FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
        String range = "decided_at >= '" + day + " 00:00:00+00' AND decided_at < '" + day.plusDays(1) + " 00:00:00+00'";
        boolean stranded;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM decisions_default WHERE "
                        + range + ")")) {
            rows.next();
            stranded = rows.getBoolean(1);
        }
        String name = name(day);
        if (!stranded) {
            execute(connection, "CREATE TABLE " + name + " PARTITION OF decisions " + bounds);
            return;
        }
        execute(connection, "CREATE TABLE " + name + " (LIKE decisions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        execute(connection, "WITH moved AS (DELETE FROM decisions_default WHERE " + range + " RETURNING *)"
                + " INSERT INTO " + name + " SELECT * FROM moved");
        execute(connection, "ALTER TABLE decisions ATTACH PARTITION " + name + " " + bounds);
    }

    static String name(LocalDate day) {
        return NAME.format(day);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
