package dev.arbiter.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends response bodies that outlive their deadline. One daemon thread for the whole JVM looks at
 * the bodies in flight every {@value #TICK_MILLIS} ms: watching a body costs a set insertion,
 * where a timer per call would wake a timer thread on every call (measured: tens of µs on a
 * busy machine). A stalled body is therefore ended up to one tick after its deadline.
 */
final class BodyWatchdog {

    static final long TICK_MILLIS = 10;

    private static final Set<DeadlineBody> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private BodyWatchdog() {}

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

    static void watch(DeadlineBody body) {
        Ticker.start();
        IN_FLIGHT.add(body);
    }

    static void forget(DeadlineBody body) {
        IN_FLIGHT.remove(body);
    }

    private static void expireOverdue() {
        long now = System.nanoTime();
        for (DeadlineBody body : IN_FLIGHT) {
            if (body.overdue(now)) {
                IN_FLIGHT.remove(body);
                body.expire();
            }
        }
    }
}
