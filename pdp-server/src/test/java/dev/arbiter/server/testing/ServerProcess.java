package dev.arbiter.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Arbiter's real entry point in a child JVM, configured by environment variables as users run it,
 * so tests can stop it with SIGTERM or SIGKILL. Its output goes to a log file in the data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code dev.arbiter.server.Main} with {@code env} added to ours, and waits until it is
     * ready. It stops without draining unless {@code env} sets {@code ARBITER_SHUTDOWN_DRAIN}.
     */
    public static ServerProcess start(Path dataDir, Map<String, String> env) {
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            Path log = Files.createTempFile(dataDir.getParent(), "arbiter-", ".log");
            // Whatever the server leaves in its temporary directory goes with the test's own folder.
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + dataDir.getParent()));
            String binaries = System.getProperty("ot.epg.working-dir");
            if (binaries != null) {
                command.add("-Dot.epg.working-dir=" + binaries);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.arbiter.server.Main"));
            ProcessBuilder builder = new ProcessBuilder(command);
            // No load balancer routes to a test's server unless the test says so.
            builder.environment().put("ARBITER_SHUTDOWN_DRAIN", "0s");
            builder.environment().putAll(env);
            builder.environment().put("ARBITER_DATA_DIR", dataDir.toString());
            builder.environment().put("ARBITER_HTTP_PORT", Integer.toString(port));
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            ServerProcess server = new ServerProcess(builder.start(), log, port);
            server.awaitReady(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiClient probe = client(null);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (probe.get("/health/ready").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException("the server did not become ready:\n" + output());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ApiClient client(String token) {
        return new ApiClient(baseUrl(), token);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM and waits for the exit; answers the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the server did not stop within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Sends SIGKILL: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops a server still running (SIGTERM, then SIGKILL if it hangs). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
