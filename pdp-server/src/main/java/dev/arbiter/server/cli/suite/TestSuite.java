package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.Directory;
import java.util.List;
import java.util.Set;

/**
 * A suite of tests read from one file.
 *
 * @param policies the ids of the policies its tests run against; empty for every policy of the repository
 * @param directory what the directory holds while its tests run
 */
public record TestSuite(String name, String file, Set<String> policies, Directory directory, List<SuiteTest> tests) {

    public TestSuite {
        policies = Set.copyOf(policies);
        tests = List.copyOf(tests);
    }
}
