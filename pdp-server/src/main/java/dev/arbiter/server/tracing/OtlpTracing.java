package dev.arbiter.server.tracing;

import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.service.DecisionSpans;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The OpenTelemetry SDK as its standard environment variables configure it (the autoconfigure
 * extension), exporting spans only, over OTLP/HTTP with the JDK's HTTP client.
 */
final class OtlpTracing implements Tracing {

    private static final Logger LOG = Logger.getLogger(OtlpTracing.class.getName());
    private static final String SCOPE = "dev.arbiter.server";
    private static final long SHUTDOWN_SECONDS = 10;
    /** Arbiter's metrics are Prometheus's and its logs its own: the SDK exports neither. */
    private static final Map<String, String> SPANS_ONLY = Map.of("otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private final OpenTelemetrySdk sdk;
    private final DecisionSpans spans;

    private OtlpTracing(OpenTelemetrySdk sdk, DecisionSpans spans) {
        this.sdk = sdk;
        this.spans = spans;
    }

    static Tracing start(TracingConfig config) {
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> properties(config.settings()))
                    .addPropertiesCustomizer(properties -> SPANS_ONLY)
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            throw new InvalidTracingConfig(OtelSettings.explain(e.getMessage()), e);
        }
        LOG.info("Arbiter exports spans to " + OtelSettings.tracesEndpoint(config.settings()) + " over OTLP/HTTP ("
                + TracingConfig.PROTOCOL + ")");
        return new OtlpTracing(sdk, new DecisionSpanExport(
                sdk.getTracer(SCOPE, BuildInfo.current().version()), Clock.getDefault()));
    }

    /** The SDK's property names for the variables, with Arbiter's defaults for those not set. */
    private static Map<String, String> properties(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.exporter.otlp.protocol", TracingConfig.PROTOCOL);
        if (!OtelSettings.namesService(settings)) {
            properties.put("otel.service.name", "arbiter");
        }
        settings.forEach((name, value) -> properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        return properties;
    }

    @Override
    public DecisionSpans spans() {
        return spans;
    }

    @Override
    public void close() {
        CompletableResultCode done = sdk.shutdown().join(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        if (!done.isSuccess()) {
            LOG.warning("the last spans could not be exported within " + SHUTDOWN_SECONDS + " s");
        }
    }
}
