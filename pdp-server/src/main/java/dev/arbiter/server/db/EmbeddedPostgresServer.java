package dev.arbiter.server.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The PostgreSQL 17 that runs when no external database is configured, keeping its data in
 * {@code <data dir>/postgres} across restarts. Unlike the library's test defaults it is durable
 * (fsync and synchronous commit on), keeps its data on close, leaves shutdown order to Arbiter,
 * and lets no other process in: it listens on localhost only, its Unix socket lies in its own
 * private directory, and every connection must prove the superuser's password
 * ({@code scram-sha-256}, the password in {@code <data dir>/postgres-password}, mode 0600).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final String LOCK_FILE = "epg-lock";

    /** Longest socket directory whose socket path fits the kernel's limit of 107 bytes, with the file's name. */
    private static final int MAX_SOCKET_DIRECTORY = 90;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /** Starts (first initialising) the PostgreSQL whose data is in {@code <dataDir>/postgres}. */
    static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        Path directory = dataDir.resolve("postgres");
        Files.createDirectories(directory);
        refuseIfInUse(directory);
        stopOrphan(directory);
        Path secret = EmbeddedSecret.ensure(dataDir);
        String password = EmbeddedSecret.read(secret);
        boolean trusting = PasswordAuthentication.trusting(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                // initdb's own -A trust comes first; these options, which come after it, win.
                .setLocaleConfig("auth", PasswordAuthentication.METHOD)
                .setLocaleConfig("pwfile", secret.toString())
                .setConnectConfig("password", password)
                .setServerConfig("unix_socket_directories", socketDirectory(directory))
                .setServerConfig("password_encryption", PasswordAuthentication.METHOD)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .start();
        if (trusting) {
            PasswordAuthentication.require(postgres.getPostgresDatabase(), directory, password);
        }
        return new EmbeddedPostgresServer(postgres, password);
    }

    /** The private data directory for the socket; none (TCP on localhost only) where its path would be too long. */
    private static String socketDirectory(Path directory) {
        String path = directory.toAbsolutePath().normalize().toString();
        return path.length() <= MAX_SOCKET_DIRECTORY ? path : "";
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String password() {
        return password;
    }

    /**
     * The embedding library holds a lock on this file while a process uses the directory. The file
     * is not created here: initdb needs an empty directory.
     */
    private static void refuseIfInUse(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException(directory + " is in use by another running Arbiter;"
                        + " give each server its own ARBITER_DATA_DIR");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IOException(directory + " is already in use by this process", e);
        }
    }

    /**
     * A PostgreSQL left running by an Arbiter that was killed still holds the data directory;
     * ask it to shut down (SIGTERM, a smart shutdown) before starting a new one.
     */
    private static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warning("stopping a PostgreSQL left running in " + directory + " (pid " + orphan.get().pid() + ")");
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the PostgreSQL left running in " + directory + " did not stop", e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
