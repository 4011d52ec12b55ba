package dev.arbiter.server.tracing;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Span export's settings: the standard {@code OTEL_*} environment variables. Export is on only
 * when the operator asks for it, by {@code OTEL_TRACES_EXPORTER=otlp} or by an OTLP endpoint
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT});
 * {@code OTEL_TRACES_EXPORTER=none} and {@code OTEL_SDK_DISABLED=true} turn it off whatever else is set.
 *
 * @param exports whether spans are exported
 * @param settings every non-blank {@code OTEL_*} variable, as set
 */
public record TracingConfig(boolean exports, Map<String, String> settings) {

    public static final TracingConfig OFF = new TracingConfig(false, Map.of());
    /** The one protocol the JDK's HTTP client speaks; OTLP/gRPC would need another HTTP stack. */
    static final String PROTOCOL = "http/protobuf";

    public TracingConfig {
        settings = Map.copyOf(settings);
    }

    /** Names the variables set, never their values: a header may hold a credential. */
    @Override
    public String toString() {
        return "TracingConfig[exports=" + exports + ", settings=" + settings.keySet() + "]";
    }

    public static TracingConfig fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
                settings.put(name, value.strip());
            }
        });
        if (settings.isEmpty()) {
            return OFF;
        }
        requireProtocol(settings, "OTEL_EXPORTER_OTLP_PROTOCOL");
        requireProtocol(settings, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL");
        return new TracingConfig(!disabled(settings) && asked(settings), settings);
    }

    private static boolean disabled(Map<String, String> settings) {
        String disabled = settings.getOrDefault("OTEL_SDK_DISABLED", "false").toLowerCase(Locale.ROOT);
        if (!disabled.equals("true") && !disabled.equals("false")) {
            throw new IllegalArgumentException("OTEL_SDK_DISABLED must be true or false, not '" + disabled + "'");
        }
        return disabled.equals("true");
    }

    private static boolean asked(Map<String, String> settings) {
        String exporter = settings.get("OTEL_TRACES_EXPORTER");
        if (exporter == null) {
            return settings.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
                    || settings.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        }
        if (!exporter.equals("otlp") && !exporter.equals("none")) {
            throw new IllegalArgumentException(
                    "OTEL_TRACES_EXPORTER must be otlp or none (Arbiter exports spans over OTLP only), not '"
                            + exporter + "'");
        }
        return exporter.equals("otlp");
    }

    private static void requireProtocol(Map<String, String> settings, String name) {
        String protocol = settings.get(name);
        if (protocol != null && !protocol.equals(PROTOCOL)) {
            throw new IllegalArgumentException(name + " must be " + PROTOCOL
                    + " (Arbiter exports spans over OTLP/HTTP, usually port 4318), not '" + protocol + "'");
        }
    }
}
