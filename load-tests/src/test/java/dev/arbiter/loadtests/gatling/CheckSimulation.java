package dev.arbiter.loadtests.gatling;

/**
 * Single checks at a constant arrival rate: {@code -Drate} per second (1000) for
 * {@code -Dduration} seconds (60); fails on any failed request or a p99 of {@code -Dp99Ms} (10) or more.
 */
public class CheckSimulation extends TargetedSimulation {
    {
        DecisionTraffic traffic = new DecisionTraffic(target, LoadSettings.fromSystemProperties(1000, 60, 10, 0));
        setUp(traffic.checks(traffic.settings().rate()))
                .protocols(traffic.protocol())
                .assertions(traffic.assertions(DecisionTraffic.CHECK_REQUEST));
    }
}
