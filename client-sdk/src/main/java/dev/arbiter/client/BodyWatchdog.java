package dev.arbiter.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the deadline of whole exchanges, which the JDK client does not: its request timeout
 * stops counting when the headers arrive, so a peer that then stalls the body would hold a caller
 * forever. One daemon
 * thread for the whole JVM looks at the exchanges in flight every {@value #TICK_MILLIS} ms and
 * ends the overdue ones. Watching costs a set insertion; a timer per call would wake a timer
 * thread on every call, which measurably slows round trips on a busy machine.
 */
final class BodyWatchdog {

    static final long TICK_MILLIS = 10;

    private static final Logger LOG = Logger.getLogger(BodyWatchdog.class.getName());
    private static final Set<Deadline> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private BodyWatchdog() {}

    /** A deadline being watched: it either finishes in time or its {@code onExpiry} runs, never both. */
    static final class Deadline {

        private final long at;
        private final Runnable onExpiry;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Deadline(long at, Runnable onExpiry) {
            this.at = at;
            this.onExpiry = onExpiry;
        }

        /** Stops watching (call once); true when the exchange finished before the deadline ended it. */
        boolean finish() {
            IN_FLIGHT.remove(this);
            return settled.compareAndSet(false, true);
        }

        private void expireIfDue(long now) {
            if (now - at >= 0 && settled.compareAndSet(false, true)) {
                IN_FLIGHT.remove(this);
                onExpiry.run();
            }
        }
    }

    /** Started on first use only. */
    private static final class Ticker {
        static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arbiter-body-watchdog");
            thread.setDaemon(true);
            return thread;
        });

        static {
            SCHEDULER.scheduleAtFixedRate(BodyWatchdog::expireOverdue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }

        static void start() {
            // class initialisation starts the ticker
        }
    }

    /** Runs {@code onExpiry} once {@code deadline} (a {@link System#nanoTime()}) passes, unless finished first. */
    static Deadline watch(long deadline, Runnable onExpiry) {
        Ticker.start();
        Deadline watched = new Deadline(deadline, onExpiry);
        IN_FLIGHT.add(watched);
        return watched;
    }

    /** Never throws: an exception would cancel the periodic task, and with it every deadline. */
    private static void expireOverdue() {
        long now = System.nanoTime();
        for (Deadline deadline : IN_FLIGHT) {
            try {
                deadline.expireIfDue(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ending an overdue exchange failed", e);
            }
        }
    }
}
