package dev.arbiter.server.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens asynchronously, such as a decision reaching the log. */
public final class Eventually {

    private Eventually() {}

    /** The first non-null answer of {@code probe}, asked every 50 ms; fails after {@code timeout}. */
    public static <T> T await(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
