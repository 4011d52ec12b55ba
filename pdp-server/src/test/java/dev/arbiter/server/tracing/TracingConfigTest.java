package dev.arbiter.server.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.service.DecisionSpans;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When span export is on, and what is said about its settings. */
class TracingConfigTest {

    private static final String ENDPOINT = "http://collector:4318";

    @Test
    void withoutOtelVariablesNothingIsExportedNorStarted() {
        TracingConfig config = TracingConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", "0", "OTEL_SERVICE_NAME", " "));
        assertSame(TracingConfig.OFF, config);
        assertSame(Tracing.OFF, Tracing.start(config));
        assertSame(DecisionSpans.OFF, Tracing.start(config).spans());
    }

    @Test
    void anEndpointOrTheOtlpExporterTurnsExportOn() {
        assertTrue(exports(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ENDPOINT)));
        assertTrue(exports(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", ENDPOINT + "/v1/traces")));
        assertTrue(exports(Map.of("OTEL_TRACES_EXPORTER", "otlp")));
    }

    @Test
    void otherOtelVariablesAloneDoNot() {
        assertFalse(exports(Map.of("OTEL_SERVICE_NAME", "authz", "OTEL_TRACES_SAMPLER", "always_on")));
    }

    @Test
    void noneAndDisabledWinOverAnEndpoint() {
        assertFalse(exports(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ENDPOINT, "OTEL_TRACES_EXPORTER", "none")));
        assertFalse(exports(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ENDPOINT, "OTEL_SDK_DISABLED", "true")));
        assertFalse(exports(Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_SDK_DISABLED", "TRUE")));
        assertTrue(exports(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ENDPOINT, "OTEL_SDK_DISABLED", "false")));
    }

    @Test
    void settingsArbiterCannotHonourAreRefusedByName() {
        assertRefused("OTEL_TRACES_EXPORTER must be otlp or none", Map.of("OTEL_TRACES_EXPORTER", "zipkin"));
        assertRefused("OTEL_TRACES_EXPORTER must be otlp or none", Map.of("OTEL_TRACES_EXPORTER", "otlp,console"));
        assertRefused("OTEL_SDK_DISABLED must be true or false", Map.of("OTEL_SDK_DISABLED", "yes"));
        assertRefused("OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf",
                Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        assertRefused("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be http/protobuf",
                Map.of("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/json"));
    }

    @Test
    void theSdksMessagesNameTheVariablesAndNeverShowHeaders() {
        assertEquals("Unrecognized value for OTEL_TRACES_SAMPLER: sometimes",
                OtelSettings.explain("Unrecognized value for otel.traces.sampler: sometimes"));
        String headers = OtelSettings.explain("Invalid map property: otel.exporter.otlp.headers=Bearer s3cr3t");
        assertEquals("OTEL_EXPORTER_OTLP_HEADERS must be a comma-separated list of key=value pairs", headers);
    }

    @Test
    void theStartLineShowsWhereSpansGoWithoutCredentials() {
        assertEquals("http://localhost:4318/v1/traces", OtelSettings.tracesEndpoint(Map.of()));
        assertEquals("https://collector:4318/v1/traces",
                OtelSettings.tracesEndpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://user:pw@collector:4318/")));
        assertEquals("http://tempo/otlp/v1/traces",
                OtelSettings.tracesEndpoint(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ENDPOINT,
                        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://tempo/otlp/v1/traces")));
    }

    @Test
    void aServiceNamedByResourceAttributesKeepsItsName() {
        assertTrue(OtelSettings.namesService(Map.of("OTEL_SERVICE_NAME", "authz")));
        assertTrue(OtelSettings.namesService(Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=iam, service.name=authz")));
        assertFalse(OtelSettings.namesService(Map.of("OTEL_RESOURCE_ATTRIBUTES", "team=iam")));
    }

    private static boolean exports(Map<String, String> env) {
        return TracingConfig.fromEnvironment(env).exports();
    }

    private static void assertRefused(String message, Map<String, String> env) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TracingConfig.fromEnvironment(env));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
