package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.store.TestDatabases;
import dev.arbiter.store.model.PolicyJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ARBITER_LOG_FORMAT=json}: every line the server logs is one JSON object a shipper can read. */
class JsonLogsTest {

    private static final String TOKEN = "json-logs-admin-token-0123456789";

    @TempDir
    Path temp;

    @Test
    void everyLineOfARealStartAndStopIsOneJsonObject() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), Map.of("ARBITER_LOG_FORMAT", "json",
                "ARBITER_DB_URL", TestDatabases.freshUrl(), "ARBITER_ADMIN_TOKEN", TOKEN))) {
            assertEquals(143, server.terminate(Duration.ofSeconds(60)), server.output());
            for (String line : server.output().split("\\R")) {
                lines.add(PolicyJson.MAPPER.readTree(line));
            }
        }
        assertTrue(lines.stream().allMatch(line -> line.path("time").isTextual() && line.path("level").isTextual()
                && line.path("logger").isTextual() && line.path("message").isTextual()), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.get("message").asText().contains(" serves http://")));
        assertTrue(lines.stream().anyMatch(line -> line.get("message").asText().equals("Arbiter stopped")));
        assertFalse(lines.stream().anyMatch(line -> line.toString().contains(TOKEN)), "a token in the log");
    }

    @Test
    void quotesNewlinesAndStackTracesStayInsideOneLine() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "a \"quoted\"\nmessage");
        record.setLoggerName("dev.arbiter.test");
        record.setThrown(new IllegalStateException("boom"));
        String line = new JsonLogFormatter().format(record);
        assertEquals(1, line.strip().lines().count(), line);
        JsonNode json = PolicyJson.MAPPER.readTree(line);
        assertEquals("a \"quoted\"\nmessage", json.get("message").asText());
        assertEquals("WARNING", json.get("level").asText());
        assertTrue(json.get("error").asText().startsWith("java.lang.IllegalStateException: boom"));
    }
}
