package dev.arbiter.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL that tests can stop and start again, for database outages: same port, same
 * data directory, so clients reconnect to the same URL and find their data. Unlike
 * {@link TestDatabases}' shared server, each instance is its own server; create databases in it
 * with {@link #createDatabase()}.
 *
 * <pre>{@code
 * try (RestartablePostgres postgres = RestartablePostgres.start(tempDir)) {
 *     String url = postgres.createDatabase();
 *     postgres.stop();   // clients now fail to connect
 *     postgres.start();  // same port and data: clients reconnect
 * }
 * }</pre>
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> serverConfig;
    private EmbeddedPostgres running;

    private RestartablePostgres(Path dataDirectory, int port, Map<String, String> serverConfig) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.serverConfig = Map.copyOf(serverConfig);
    }

    /** A new server keeping its data in {@code dataDirectory} (created when missing), started. */
    public static RestartablePostgres start(Path dataDirectory) {
        return start(dataDirectory, Map.of());
    }

    /** As {@link #start(Path)}, with PostgreSQL settings such as {@code fsync=on}. */
    public static RestartablePostgres start(Path dataDirectory, Map<String, String> serverConfig) {
        RestartablePostgres postgres = new RestartablePostgres(dataDirectory, freePort(), serverConfig);
        postgres.start();
        return postgres;
    }

    /** Starts the server again on the same port and data; does nothing when it runs. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
            serverConfig.forEach(builder::setServerConfig);
            running = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory + " on port " + port, e);
        }
    }

    /** Stops the server (a fast shutdown: clients are disconnected); the data stays. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL in " + dataDirectory, e);
        } finally {
            running = null;
        }
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database}; valid across restarts. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** Creates a new, empty database and answers its JDBC URL. The server must be running. */
    public String createDatabase() {
        String name = "restartable_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = TestDatabases.dataSource(jdbcUrl("postgres")).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server; the data directory is left for the caller (usually a temporary directory). */
    @Override
    public void close() {
        stop();
    }
}
