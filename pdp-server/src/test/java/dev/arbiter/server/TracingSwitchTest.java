package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.OtlpReceiver;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.server.tracing.InvalidTracingConfig;
import dev.arbiter.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Span export stays off, and starts nothing, unless asked for; a wrong OTEL_* value stops the start. */
class TracingSwitchTest {

    static OtlpReceiver receiver;

    @BeforeAll
    static void startAReceiver() {
        receiver = OtlpReceiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    @Test
    void withoutOtelConfigurationNothingIsExportedNorStarted() throws Exception {
        try (TestServer server = TestServer.start()) {
            decideOnce(server);
            assertNoExporterThread();
        }
    }

    @Test
    void withoutOtelConfigurationNoOpenTelemetryClassIsLoaded(@TempDir Path temp) throws Exception {
        String token = "tracing-off-admin-token-0123456789";
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), Map.of(
                "ARBITER_DB_URL", TestDatabases.freshUrl(), "ARBITER_ADMIN_TOKEN", token,
                "JAVA_TOOL_OPTIONS", "-verbose:class"))) {
            ApiClient.Response response = server.client(token).send("POST", "/v1/check", Policies.charge(5000),
                    "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            assertEquals(200, response.status(), response.body());
            assertEquals(143, server.terminate(Duration.ofSeconds(60)), server.output());
            String loaded = server.output();
            assertTrue(loaded.contains(" dev.arbiter.server.tracing.Tracing "), "the JVM lists the classes it loads");
            assertFalse(loaded.contains("io.opentelemetry."), "an OpenTelemetry class was loaded");
        }
    }

    @Test
    void disabledOrNoneExportsNothingDespiteAnEndpoint() throws Exception {
        for (Map<String, String> off : List.of(Map.of("OTEL_SDK_DISABLED", "true"), Map.of("OTEL_TRACES_EXPORTER", "none"))) {
            Map<String, String> settings = new HashMap<>(off);
            settings.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
            settings.put("OTEL_BSP_SCHEDULE_DELAY", "50");
            try (TestServer server = TestServer.start(TestDatabases.freshUrl(), settings)) {
                decideOnce(server);
                assertNoExporterThread();
                Thread.sleep(500);
            }
            assertTrue(receiver.exports().isEmpty(), off + " exported " + receiver.exports());
        }
    }

    @Test
    void aBadOtelValueIsAStartUpErrorNamingTheVariable() {
        InvalidTracingConfig sampler = assertThrows(InvalidTracingConfig.class, () -> TestServer.start(
                TestDatabases.freshUrl(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_TRACES_SAMPLER", "sometimes")));
        assertTrue(sampler.getMessage().contains("OTEL_TRACES_SAMPLER") && sampler.getMessage().contains("sometimes"),
                sampler.getMessage());

        InvalidTracingConfig headers = assertThrows(InvalidTracingConfig.class, () -> TestServer.start(
                TestDatabases.freshUrl(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                        "OTEL_EXPORTER_OTLP_HEADERS", "Bearer-s3cr3t-token")));
        assertTrue(headers.getMessage().contains("OTEL_EXPORTER_OTLP_HEADERS"), headers.getMessage());
        assertFalse(headers.getMessage().contains("s3cr3t"), "a header's value may be a credential");
        assertNoExporterThread();
    }

    @Test
    void aBadOtelValueExitsTwoLikeOtherConfigurationErrors() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.arbiter.server.Main").redirectErrorStream(true);
        builder.environment().put("OTEL_TRACES_EXPORTER", "zipkin");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.strip().startsWith("arbiter: OTEL_TRACES_EXPORTER must be otlp or none"), output);
    }

    private static void decideOnce(TestServer server) {
        ApiClient.Response response = server.admin().send("POST", "/v1/check", Policies.charge(5000),
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertEquals(200, response.status(), response.body());
    }

    /** The SDK's batch span processor runs on a thread of its own; off, there is none. */
    private static void assertNoExporterThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName().toLowerCase(Locale.ROOT);
            assertFalse(name.contains("batchspanprocessor") || name.contains("otel"), thread.getName());
        }
    }
}
