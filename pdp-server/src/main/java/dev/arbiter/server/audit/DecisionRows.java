package dev.arbiter.server.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** Rows of the {@code decisions} table read back as records, every column of {@link CopyFormat#COLUMNS}. */
public final class DecisionRows {

    public static final String SELECT = "SELECT " + CopyFormat.COLUMNS + " FROM decisions";

    private DecisionRows() {}

    /** Reads the current row of a query selecting {@link CopyFormat#COLUMNS}. */
    public static LoggedDecision read(ResultSet row) throws SQLException {
        Array roles = row.getArray(4);
        try {
            return new LoggedDecision(row.getObject(1, UUID.class),
                    Micros.of(row.getObject(2, OffsetDateTime.class)), row.getString(3),
                    Arrays.asList((String[]) roles.getArray()), row.getString(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getBoolean(9), row.getString(10), row.getString(11), row.getLong(12),
                    row.getString(13), row.getString(14), row.getInt(15), row.getString(16), row.getString(17),
                    row.getObject(18, UUID.class), row.getString(19), row.getString(20));
        } finally {
            roles.free();
        }
    }
}
