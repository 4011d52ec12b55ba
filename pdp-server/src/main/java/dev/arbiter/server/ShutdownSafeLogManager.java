package dev.arbiter.server;

import java.util.logging.LogManager;

/**
 * The JDK resets logging from a shutdown hook of its own, racing Arbiter's graceful shutdown and
 * swallowing its last records. This manager ignores resets once the JVM is shutting down.
 */
public final class ShutdownSafeLogManager extends LogManager {

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
