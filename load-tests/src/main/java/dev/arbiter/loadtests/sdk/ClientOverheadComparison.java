package dev.arbiter.loadtests.sdk;

import java.util.Arrays;

/**
 * The SDK's overhead measured interleaved: every round sends one SDK check and one bare check
 * (in alternating order) and times each, so both see the same machine at the same moment. On a
 * shared, noisy machine this compares far more fairly than benchmarks run one after the other.
 *
 * <p>{@code java -cp load-tests/target/benchmarks.jar dev.arbiter.loadtests.sdk.ClientOverheadComparison
 * [rounds] [warm-up rounds]}
 */
public final class ClientOverheadComparison {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private ClientOverheadComparison() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long[] sdk = new long[rounds];
        long[] bare = new long[rounds];
        try (CheckFixture fixture = new CheckFixture()) {
            for (int round = -warmup; round < rounds; round++) {
                boolean sdkFirst = (round & 1) == 0;
                long first = time(fixture, sdkFirst);
                long second = time(fixture, !sdkFirst);
                if (round >= 0) {
                    sdk[round] = sdkFirst ? first : second;
                    bare[round] = sdkFirst ? second : first;
                }
            }
        }
        Arrays.sort(sdk);
        Arrays.sort(bare);
        System.out.printf("%d interleaved rounds after %d warm-up rounds, Java %s%n", rounds, warmup,
                Runtime.version());
        System.out.println("| percentile | bare JDK client (µs) | SDK check (µs) | SDK / bare |");
        System.out.println("|---|---|---|---|");
        for (double percentile : PERCENTILES) {
            double bareMicros = at(bare, percentile);
            double sdkMicros = at(sdk, percentile);
            System.out.printf("| p%s | %.1f | %.1f | %.3f |%n", percentile == (int) percentile
                    ? Integer.toString((int) percentile) : Double.toString(percentile), bareMicros, sdkMicros,
                    sdkMicros / bareMicros);
        }
    }

    private static long time(CheckFixture fixture, boolean sdk) {
        long started = System.nanoTime();
        if (sdk) {
            fixture.sdkCheck();
        } else {
            fixture.bareCheck();
        }
        return System.nanoTime() - started;
    }

    private static double at(long[] sortedNanos, double percentile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.floor(percentile / 100 * sortedNanos.length));
        return sortedNanos[index] / 1_000.0;
    }
}
