package dev.arbiter.loadtests.gatling;

import io.gatling.javaapi.core.Simulation;

/** A simulation against a {@link LoadTarget} opened when it is built and closed after the run. */
abstract class TargetedSimulation extends Simulation {

    protected final LoadTarget target = LoadTarget.open();

    @Override
    public void after() {
        target.close();
    }
}
