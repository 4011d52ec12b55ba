package dev.arbiter.server.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes an embedded PostgreSQL ask every connection for the superuser's password
 * ({@code scram-sha-256}), local socket and loopback alike. A data directory made by an earlier
 * version, which trusted every local connection, is moved over at its first start with this one.
 */
final class PasswordAuthentication {

    static final String METHOD = "scram-sha-256";
    private static final Logger LOG = Logger.getLogger(PasswordAuthentication.class.getName());
    private static final List<String> RULES = List.of(
            "# Written by Arbiter: every connection proves the password in " + EmbeddedSecret.FILE + ".",
            "local   all             all                                     " + METHOD,
            "host    all             all             127.0.0.1/32            " + METHOD,
            "host    all             all             ::1/128                 " + METHOD,
            "local   replication     all                                     " + METHOD,
            "host    replication     all             127.0.0.1/32            " + METHOD,
            "host    replication     all             ::1/128                 " + METHOD);

    private PasswordAuthentication() {}

    /** Whether the data directory still lets some connection in without a password. */
    static boolean trusting(Path postgresData) throws IOException {
        Path hba = postgresData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> !line.endsWith(METHOD));
    }

    /** Sets the password on a server that trusts its connections, then makes it ask for it. */
    static void require(DataSource trusting, Path postgresData, String password) throws IOException {
        try (Connection connection = trusting.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = '" + METHOD + "'");
            try (PreparedStatement quoted = connection.prepareStatement(
                    "SELECT format('ALTER ROLE postgres PASSWORD %L', ?)")) {
                quoted.setString(1, password);
                try (ResultSet rows = quoted.executeQuery()) {
                    rows.next();
                    statement.execute(rows.getString(1));
                }
            }
            Files.write(postgresData.resolve("pg_hba.conf"), RULES, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not make the embedded PostgreSQL ask for a password: " + e.getMessage(), e);
        }
        LOG.info("the embedded PostgreSQL in " + postgresData + " now asks every connection for its password");
    }
}
