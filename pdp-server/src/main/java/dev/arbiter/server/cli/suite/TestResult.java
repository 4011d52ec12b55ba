package dev.arbiter.server.cli.suite;

import java.util.List;

/** How one test of a suite went: every check it made, and how long they took. */
public record TestResult(SuiteTest test, List<CheckResult> checks, long nanos) {

    public TestResult {
        checks = List.copyOf(checks);
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }
}
