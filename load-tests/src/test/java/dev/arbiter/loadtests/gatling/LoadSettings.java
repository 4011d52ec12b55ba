package dev.arbiter.loadtests.gatling;

import java.time.Duration;

/**
 * What a run asks of a simulation, from system properties: {@code -Drate} checks (or batches)
 * per second, {@code -Dduration} in seconds, {@code -Dp99Ms} the 99th percentile every request
 * must stay under, {@code -DwriteRate} policy writes per second.
 */
record LoadSettings(double rate, Duration duration, int p99Millis, double writeRate) {

    static LoadSettings fromSystemProperties(double rate, int durationSeconds, int p99Millis, double writeRate) {
        return new LoadSettings(
                Double.parseDouble(System.getProperty("rate", String.valueOf(rate))),
                Duration.ofSeconds(Long.parseLong(System.getProperty("duration", String.valueOf(durationSeconds)))),
                Integer.parseInt(System.getProperty("p99Ms", String.valueOf(p99Millis))),
                Double.parseDouble(System.getProperty("writeRate", String.valueOf(writeRate))));
    }
}
