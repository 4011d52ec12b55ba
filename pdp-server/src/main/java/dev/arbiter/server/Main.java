package dev.arbiter.server;

import dev.arbiter.server.cli.ArbiterCli;
import dev.arbiter.server.tracing.InvalidTracingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The jar's entry point: without a command (or with {@code serve}) it starts Arbiter from
 * environment variables and stops it gracefully on SIGTERM / Ctrl-C; the other commands are the
 * policy tool ({@link ArbiterCli}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        ensureDirectory(System.getProperty("java.io.tmpdir"));
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        }
        configureLogging();
        int exit = ArbiterCli.run(args, Main::serve);
        if (exit != ArbiterCli.SERVING) {
            System.exit(exit);
        }
    }

    /**
     * The temporary directory may lie on a volume that starts empty (the container image's
     * {@code /data/tmp}, so that its root filesystem can be read-only); the embedded PostgreSQL's
     * binaries and Netty's native library are unpacked there.
     */
    static void ensureDirectory(String directory) {
        try {
            Files.createDirectories(Path.of(directory));
        } catch (IOException | InvalidPathException e) {
            System.err.println("arbiter: could not create the temporary directory " + directory + ": " + e.getMessage());
        }
    }

    private static void serve() {
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("arbiter: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            ArbiterServer server = ArbiterServer.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arbiter-shutdown"));
        } catch (InvalidTracingConfig e) { // an OTEL_* value only the SDK can judge, as it starts
            System.err.println("arbiter: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            // A start-up condition the operator can fix: the message says what and how.
            Logger.getLogger(Main.class.getName()).severe("Arbiter could not start: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            Logger.getLogger(Main.class.getName()).log(Level.SEVERE, "Arbiter could not start: " + e.getMessage(), e);
            System.exit(1);
        }
    }

    /**
     * One-line log records, as text or (ARBITER_LOG_FORMAT=json) as JSON objects, unless the
     * operator passed their own java.util.logging configuration.
     */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        String format = System.getenv().getOrDefault("ARBITER_LOG_FORMAT", "text");
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("arbiter: ARBITER_LOG_FORMAT must be text or json, not '" + format + "'");
            System.exit(2);
        }
        try (InputStream config = Main.class.getResourceAsStream("/arbiter-logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        } catch (IOException e) {
            System.err.println("arbiter: could not configure logging: " + e.getMessage());
        }
        if (format.equals("json")) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
    }
}
