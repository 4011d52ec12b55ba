package dev.arbiter.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.store.jdbc.SchemaMigrations;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The PostgreSQL Arbiter stores everything in: external when configured, embedded otherwise, migrated on open. */
public final class Database implements AutoCloseable {

    /** Connections per replica; JDBC work runs on a worker pool of the same size. */
    public static final int POOL_SIZE = 8;

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource pool;
    private final EmbeddedPostgresServer embedded;
    private final String description;

    private Database(HikariDataSource pool, EmbeddedPostgresServer embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    public static Database open(ServerConfig config) throws IOException {
        EmbeddedPostgresServer embedded = null;
        String url;
        String description;
        if (config.dbUrl().isPresent()) {
            url = config.dbUrl().get();
            description = "PostgreSQL at " + url;
        } else {
            embedded = EmbeddedPostgresServer.start(config.dataDir());
            url = embedded.jdbcUrl();
            description = "embedded PostgreSQL in " + config.dataDir().resolve("postgres").toAbsolutePath().normalize();
        }
        try {
            HikariDataSource pool = new HikariDataSource(poolConfig(config, url, embedded));
            SchemaMigrations.migrate(pool);
            LOG.info("using " + description);
            return new Database(pool, embedded, description);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** @param embedded the embedded server, whose password the pool proves; null for an external database */
    private static HikariConfig poolConfig(ServerConfig config, String url, EmbeddedPostgresServer embedded) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("arbiter-db");
        hikari.setJdbcUrl(url);
        if (embedded != null) {
            hikari.setPassword(embedded.password());
        } else {
            config.dbUser().ifPresent(hikari::setUsername);
            config.dbPassword().ifPresent(hikari::setPassword);
        }
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setMinimumIdle(1);
        // A write waits this long for a connection before answering 503.
        hikari.setConnectionTimeout(Duration.ofSeconds(3).toMillis());
        // At start, wait this long for the database to come up.
        hikari.setInitializationFailTimeout(Duration.ofSeconds(60).toMillis());
        hikari.setKeepaliveTime(Duration.ofSeconds(60).toMillis());
        hikari.addDataSourceProperty("ApplicationName", "arbiter");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        // Seconds; a database that stops answering fails the work instead of hanging a worker.
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("socketTimeout", "60");
        return hikari;
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * A connection of its own, outside the pool, for work that holds a connection indefinitely
     * (LISTEN). The caller closes it.
     */
    public Connection openDedicatedConnection(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
