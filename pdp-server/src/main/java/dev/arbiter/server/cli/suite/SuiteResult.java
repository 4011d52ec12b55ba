package dev.arbiter.server.cli.suite;

import java.util.List;

/** How the selected tests of one suite went. */
public record SuiteResult(TestSuite suite, List<TestResult> tests) {

    public SuiteResult {
        tests = List.copyOf(tests);
    }

    public long failed() {
        return tests.stream().filter(test -> !test.passed()).count();
    }

    public long nanos() {
        return tests.stream().mapToLong(TestResult::nanos).sum();
    }
}
