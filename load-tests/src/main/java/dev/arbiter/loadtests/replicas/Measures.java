package dev.arbiter.loadtests.replicas;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What the replica benchmarks read off: quantiles of sorted delays, and the heap in use after GC. */
final class Measures {

    private Measures() {}

    /** The {@code quantile} of nanosecond delays sorted ascending, in milliseconds. */
    static double millis(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    /** Bytes of heap in use after three full collections, so that only live objects count. */
    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
