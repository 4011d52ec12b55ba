package dev.arbiter.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar's real entry point in a child JVM: its exit status is the command's exit code. */
class MainProcessTest {

    private record Exited(int status, String output) {}

    private static Exited main(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.arbiter.server.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
        return new Exited(process.exitValue(), output);
    }

    @Test
    void versionExitsZero() throws Exception {
        Exited exited = main("--version");
        assertEquals(0, exited.status(), exited.output());
        assertTrue(exited.output().startsWith("arbiter "), exited.output());
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Exited exited = main("validate", "no/such/policies");
        assertEquals(2, exited.status(), exited.output());
        assertEquals("arbiter validate: no/such/policies: no such directory", exited.output().strip());
    }

    @Test
    void theExamplesPassThroughTheRealEntryPoint() throws Exception {
        Exited exited = main("test", "../examples/policies");
        assertEquals(0, exited.status(), exited.output());
    }
}
