package dev.arbiter.server.tracing;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code OTEL_*} variables the way the SDK does, for what Arbiter says about them. */
final class OtelSettings {

    private static final String DEFAULT_ENDPOINT = "http://localhost:4318";
    private static final Pattern PROPERTY = Pattern.compile("otel\\.[a-z0-9.]*[a-z0-9]");

    private OtelSettings() {}

    /** Where spans go, without any user information or query the URL might carry. */
    static String tracesEndpoint(Map<String, String> settings) {
        String traces = settings.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        String url = traces != null ? traces : withTracesPath(settings.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT",
                DEFAULT_ENDPOINT));
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getPath();
    }

    /** Whether the operator names the service, which then is not {@code arbiter}. */
    static boolean namesService(Map<String, String> settings) {
        return settings.containsKey("OTEL_SERVICE_NAME")
                || settings.getOrDefault("OTEL_RESOURCE_ATTRIBUTES", "").matches("(.*,)?\\s*service\\.name\\s*=.*");
    }

    /**
     * The SDK's message in the operator's terms: the variable instead of the property name. A
     * message about headers is not repeated: it would show their value, which may be a credential.
     */
    static String explain(String message) {
        Matcher property = PROPERTY.matcher(message);
        if (message.contains(".headers")) {
            String name = property.find() ? variable(property.group()) : "OTEL_EXPORTER_OTLP_HEADERS";
            return name + " must be a comma-separated list of key=value pairs";
        }
        return property.replaceAll(found -> variable(found.group()));
    }

    private static String withTracesPath(String endpoint) {
        return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/v1/traces";
    }

    private static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
