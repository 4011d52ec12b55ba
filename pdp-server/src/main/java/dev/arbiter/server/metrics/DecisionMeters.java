package dev.arbiter.server.metrics;

import dev.arbiter.server.service.DecisionMeter;
import dev.arbiter.server.service.FrontDoor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code arbiter_decisions_total{api,allow}} and {@code arbiter_decision_duration_seconds{api}}.
 * Every meter is registered up front and kept in an array indexed by front door and outcome, so a
 * decision costs two array reads and the meters' own striped adds: no registry lookup, no tags built.
 */
final class DecisionMeters implements DecisionMeter {

    /** Decisions take tens of microseconds in memory; the upper buckets catch revision waits and queueing. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(50_000), Duration.ofNanos(100_000),
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final Counter[] decisions;
    private final Timer[] durations;

    DecisionMeters(MeterRegistry registry) {
        FrontDoor[] doors = FrontDoor.values();
        decisions = new Counter[doors.length * 2];
        durations = new Timer[doors.length];
        for (FrontDoor door : doors) {
            for (boolean allow : new boolean[] {false, true}) {
                decisions[index(door, allow)] = Counter.builder("arbiter.decisions")
                        .description("Decisions made, by front door and outcome")
                        .tag("api", door.api()).tag("allow", String.valueOf(allow))
                        .register(registry);
            }
            durations[door.ordinal()] = Timer.builder("arbiter.decision.duration")
                    .description("From reading the request to the decision, as the decision log records it")
                    .tag("api", door.api())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
        }
    }

    private static int index(FrontDoor door, boolean allow) {
        return door.ordinal() << 1 | (allow ? 1 : 0);
    }

    @Override
    public void decided(FrontDoor door, boolean allow, long latencyNanos) {
        decisions[index(door, allow)].increment();
        durations[door.ordinal()].record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
