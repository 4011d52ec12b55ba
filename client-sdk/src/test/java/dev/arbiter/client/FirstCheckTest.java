package dev.arbiter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.client.testing.FirstCheck;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service's first check after start, in a cold JVM of its own with the client's default 100 ms
 * timeout, is answered by the server: the client warms its connection in {@code build()}.
 */
class FirstCheckTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    @Test
    void theFirstCheckInAColdJvmIsAnsweredNotFailedClosed() throws Exception {
        ArbiterAdmin admin = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl())
                .token(TestServer.ADMIN_TOKEN).build();
        admin.policies().put(DesignExample.policy());
        String token = admin.keys().create("cold-start", KeyRole.CHECK).token();
        for (int run = 0; run < 3; run++) {
            String output = coldJvm(arbiter.server().baseUrl(), token);
            assertTrue(output.startsWith("allow=true failure=null"), "run " + run + ": " + output);
        }
    }

    private static String coldJvm(String baseUrl, String token) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FirstCheck.class.getName(), baseUrl, token)).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);
        return output.lines().reduce((first, last) -> last).orElse("");
    }
}
