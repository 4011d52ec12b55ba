package dev.arbiter.loadtests.gatling;

/**
 * Batches of 100 checks at a constant arrival rate: {@code -Drate} batches per second (100) for
 * {@code -Dduration} seconds (60); fails on any failed request or a p99 of {@code -Dp99Ms} (20) or more.
 */
public class BatchSimulation extends TargetedSimulation {
    {
        DecisionTraffic traffic = new DecisionTraffic(target, LoadSettings.fromSystemProperties(100, 60, 20, 0));
        setUp(traffic.batches(traffic.settings().rate()))
                .protocols(traffic.protocol())
                .assertions(traffic.assertions(DecisionTraffic.BATCH_REQUEST));
    }
}
