package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.cli.VersionInfo;
import dev.arbiter.server.testing.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The probes tell which build a replica runs, as the start-up line and {@code --version} do. */
class HealthApiTest {

    @Test
    void readinessAndTheStartUpLineNameTheVersionAndCommitOfTheBuild() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(ArbiterServer.class.getName());
        log.addHandler(capture);
        try (TestServer server = TestServer.start()) {
            JsonNode ready = server.client(null).get("/health/ready").json();
            BuildInfo build = BuildInfo.current();
            assertEquals(build.version(), ready.get("version").asText());
            assertEquals(build.commit(), ready.get("commit").asText());
            assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), build.version());
            assertTrue(build.commit().matches("[0-9a-f]{12}|unknown"), build.commit());
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("Arbiter " + build.describe() + " serves ")),
                    lines.toString());
            assertEquals("arbiter " + build.describe(), VersionInfo.line());
        } finally {
            log.removeHandler(capture);
        }
    }
}
