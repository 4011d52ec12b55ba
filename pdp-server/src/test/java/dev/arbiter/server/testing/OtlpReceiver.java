package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint on a loopback port: keeps every
 * {@code POST /v1/traces} as it arrives, decoded as the OTLP protobuf messages.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** Far longer than the tests' OTEL_BSP_SCHEDULE_DELAY of 50 ms. */
    public static final Duration EXPORTED = Duration.ofSeconds(15);
    private static final Duration MORE_SPANS = Duration.ofMillis(300);

    private final HttpServer server;
    private final List<ExportTraceServiceRequest> exports = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What OTEL_EXPORTER_OTLP_ENDPOINT is set to; the exporter adds /v1/traces. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every export request received so far. */
    public List<ExportTraceServiceRequest> exports() {
        return List.copyOf(exports);
    }

    /** Every span received so far, with the resource it came from. */
    public List<Received> spans() {
        List<Received> spans = new ArrayList<>();
        for (ExportTraceServiceRequest export : exports) {
            for (ResourceSpans resource : export.getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> spans.add(new Received(resource, span)));
                }
            }
        }
        return spans;
    }

    /** The spans of a trace received so far. */
    public List<Span> spansOf(String traceId) {
        return spans().stream().map(Received::span).filter(span -> traceIdOf(span).equals(traceId)).toList();
    }

    /**
     * The trace's one span, once exported. A second span of the trace, if there were one, would
     * arrive with it or within a few of the exporter's schedule delays, so it waits that long too.
     */
    public Span onlySpanOf(String traceId) {
        Eventually.await(EXPORTED, "a span of trace " + traceId, () -> spansOf(traceId).isEmpty() ? null : true);
        try {
            Thread.sleep(MORE_SPANS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        List<Span> spans = spansOf(traceId);
        assertEquals(1, spans.size(), spans::toString);
        return spans.get(0);
    }

    /** A span's attributes by name. */
    public static Map<String, AnyValue> attributes(Span span) {
        return span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    public static String traceIdOf(Span span) {
        return hex(span.getTraceId().toByteArray());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A random id of {@code bytes} bytes in hexadecimal: a trace id has 16, a span id 8. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return hex(random);
    }

    /** A span and the resource that sent it. */
    public record Received(ResourceSpans resource, Span span) {}

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!exchange.getRequestMethod().equals("POST")
                    || !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exports.add(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
