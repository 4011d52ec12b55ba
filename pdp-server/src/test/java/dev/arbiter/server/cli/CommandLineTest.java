package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The jar's command line: help, version, serving by default, and usage errors. */
class CommandLineTest {

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        Cli.Run run = Cli.run("--help");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        for (String command : new String[] {"serve", "validate", "test", "diff", "apply", "impact"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from\n" + run.out());
        }
        assertTrue(run.out().contains("Exit codes: 0 ok"), run.out());
    }

    @Test
    void versionPrintsTheProjectVersionTheBuildWrote() {
        Cli.Run run = Cli.run("--version");
        assertEquals(ExitCode.OK, run.exit(), run.toString());
        assertTrue(run.out().matches("arbiter \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{12}|unknown)\\)\\R"),
                run.out());
    }

    @Test
    void noCommandAndServeBothStartTheServer() {
        AtomicInteger started = new AtomicInteger();
        assertEquals(ArbiterCli.SERVING, Cli.run(Map.of(), started::incrementAndGet).exit());
        assertEquals(ArbiterCli.SERVING, Cli.run(Map.of(), started::incrementAndGet, "serve").exit());
        assertEquals(2, started.get());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithoutAStackTrace() {
        Cli.Run run = Cli.run("deploy", "policies");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertTrue(run.err().contains("Unmatched arguments"), run.err());
        assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
    }

    @Test
    void aMissingDirectoryArgumentIsAUsageError() {
        Cli.Run run = Cli.run("validate");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertTrue(run.err().contains("Missing required parameter: '<dir>'"), run.err());
    }

    @Test
    void aDirectoryThatIsNotThereIsBadInput() {
        Cli.Run run = Cli.run("test", "no/such/policies");
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.toString());
        assertEquals("arbiter test: no/such/policies: no such directory\n", run.err().replace("\r", ""));
    }
}
