package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theSuitesFailWhenAnExamplePolicyIsInverted(@TempDir Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(EXAMPLES))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Cli.write(copy, Path.of(EXAMPLES).relativize(file).toString(), Files.readString(file));
            }
        }
        Path payments = copy.resolve("payments/payments-api.yaml");
        Files.writeString(payments, Files.readString(payments).replace("effect: deny", "effect: allow"));

        Cli.Run run = Cli.run("test", copy.toString());

        assertEquals(ExitCode.FAILED, run.exit(), run.toString());
        assertTrue(run.out().contains("  FAIL  nobody refunds across environments (2 of 2 checks failed)\n"
                + "        support-agent refunds:create dev-refund: expected deny, got allow: allowed by"
                + " payments-api/no-cross-env-refunds\n"), run.out());
    }
}
