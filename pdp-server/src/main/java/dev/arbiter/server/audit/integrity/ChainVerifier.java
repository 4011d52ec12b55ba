package dev.arbiter.server.audit.integrity;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.store.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Re-computes the hash chain over a window of decision time, in one snapshot: every link of the
 * batches concerned (in seq order, gaps allowed only where retention pruned), then every record
 * of those batches against its batch's digest, day by day and streaming, so memory stays flat.
 */
public final class ChainVerifier {

    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Verifies the records decided in [from, to); a null bound means the oldest or newest record. */
    public VerifyReport verify(Instant from, Instant to) {
        return Jdbc.read(dataSource, connection -> {
            Instant earliest = earliest(connection);
            Instant latest = latest(connection);
            Instant start = from != null ? from : earliest;
            Instant end = to != null ? to : latest;
            if (start == null || !start.isBefore(end)) {
                return new VerifyReport(start, end, 0, 0, null, null, null);
            }
            LinkCheck.Walk links = LinkCheck.walk(connection, Micros.of(start), Micros.of(end), to == null);
            ChainBreak contentBreak = null;
            long records = 0;
            // Only the days that can hold data are visited: a window from year 1 must not mean 700,000 queries.
            LocalDate lastDay = day(min(end, latest).minusNanos(1));
            LocalDate firstDay = earliest == null ? lastDay.plusDays(1) : day(max(start, earliest));
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                DayCheck check = new DayCheck(day, Micros.of(start), Micros.of(end));
                check.run(connection);
                records += check.records;
                contentBreak = ChainBreak.first(contentBreak, check.firstBreak);
            }
            return new VerifyReport(start, end, links.batches, records, links.headSeq, links.headHash,
                    ChainBreak.first(links.problem, contentBreak));
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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
}
