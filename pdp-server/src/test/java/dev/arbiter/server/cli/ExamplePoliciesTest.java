package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The example policy repository of {@code examples/policies} passes its own pipeline: it
 * validates without a warning, and every test passes with every rule deciding some check.
 */
class ExamplePoliciesTest {

    /** Tests run in the module's folder; the examples sit at the top of the repository. */
    private static final String EXAMPLES = "../examples/policies";

    @Test
    void theExamplesValidateWithoutErrorsOrWarnings() {
        Cli.Run run = Cli.run("validate", EXAMPLES);
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().endsWith("0 errors, 0 warnings\n"), run.out());
    }

    @Test
    void theExampleSuitesPassAndCoverEveryRule() {
        Cli.Run run = Cli.run("test", EXAMPLES, "--junit", "target/examples-junit.xml");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().contains(" passed, 0 failed ("), run.out());
        assertTrue(run.out().matches("(?s).*\\ncoverage: (\\d+) of \\1 rules decided a check\\n"), run.out());
    }
}
