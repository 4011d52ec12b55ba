package dev.arbiter.loadtests.gatling;

/**
 * Single checks at {@code -Drate} per second (1000) while the checked service's policies are
 * rewritten {@code -DwriteRate} times per second (5), for {@code -Dduration} seconds (60); fails on
 * any failed request or a check p99 of {@code -Dp99Ms} (10) or more.
 */
public class ChecksDuringWritesSimulation extends TargetedSimulation {
    {
        DecisionTraffic traffic = new DecisionTraffic(target, LoadSettings.fromSystemProperties(1000, 60, 10, 5));
        setUp(traffic.checks(traffic.settings().rate()), traffic.policyWrites(traffic.settings().writeRate()))
                .protocols(traffic.protocol())
                .assertions(traffic.assertions(DecisionTraffic.CHECK_REQUEST));
    }
}
