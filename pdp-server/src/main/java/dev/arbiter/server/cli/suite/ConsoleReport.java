package dev.arbiter.server.cli.suite;

import dev.arbiter.server.cli.repo.Counts;
import java.io.PrintWriter;
import java.util.List;

/** The results of a test run for a person: every test, the failed checks, the totals and the coverage. */
public final class ConsoleReport {

    private ConsoleReport() {}

    /** @param verbose whether each failed check also shows how every rule fared */
    public static void print(List<SuiteResult> results, RuleCoverage coverage, boolean verbose, PrintWriter out) {
        int passed = 0;
        int failed = 0;
        int checks = 0;
        for (SuiteResult suite : results) {
            if (suite.tests().isEmpty()) {
                continue;
            }
            out.println(suite.suite().name() + " (" + suite.suite().file() + ")");
            for (TestResult test : suite.tests()) {
                checks += test.checks().size();
                List<CheckResult> failures = test.failures();
                if (failures.isEmpty()) {
                    passed++;
                    out.println("  ok    " + test.test().name() + " (" + Counts.of(test.checks().size(), "check")
                            + ")");
                    continue;
                }
                failed++;
                out.println("  FAIL  " + test.test().name() + " (" + failures.size() + " of "
                        + Counts.of(test.checks().size(), "check") + " failed)");
                for (CheckResult failure : failures) {
                    out.println("        " + failure.describe());
                    if (verbose) {
                        ExplainText.lines(failure.explanation()).forEach(line -> out.println("          " + line));
                    }
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed (" + Counts.of(checks, "check") + ")");
        out.println("coverage: " + coverage.covered() + " of " + Counts.of(coverage.rules(), "rule")
                + " decided a check");
        if (!coverage.neverCandidate().isEmpty()) {
            out.println("  never a candidate: " + String.join(", ", coverage.neverCandidate()));
        }
        if (!coverage.neverDecided().isEmpty()) {
            out.println("  a candidate, never deciding: " + String.join(", ", coverage.neverDecided()));
        }
    }
}
