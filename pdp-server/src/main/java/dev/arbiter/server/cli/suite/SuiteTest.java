package dev.arbiter.server.cli.suite;

import java.util.List;

/** One named test of a suite and the checks it makes: every principal, resource and action it lists. */
public record SuiteTest(String name, List<CheckCase> checks) {

    public SuiteTest {
        checks = List.copyOf(checks);
    }
}
