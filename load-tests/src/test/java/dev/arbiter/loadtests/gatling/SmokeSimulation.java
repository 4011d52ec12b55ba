package dev.arbiter.loadtests.gatling;

/**
 * The build's run: a few seconds of every kind of traffic at once (single checks, batches, policy
 * writes) at low rates, with a p99 bound generous enough for a busy build machine. It proves the
 * simulations and the server work together; the documented runs measure.
 */
public class SmokeSimulation extends TargetedSimulation {
    {
        DecisionTraffic traffic = new DecisionTraffic(target, LoadSettings.fromSystemProperties(100, 5, 5000, 2));
        LoadSettings settings = traffic.settings();
        setUp(traffic.checks(settings.rate()), traffic.batches(settings.rate() / 20),
                traffic.policyWrites(settings.writeRate()))
                .protocols(traffic.protocol())
                .assertions(traffic.assertions(DecisionTraffic.CHECK_REQUEST, DecisionTraffic.BATCH_REQUEST,
                        DecisionTraffic.WRITE_REQUEST));
    }
}
