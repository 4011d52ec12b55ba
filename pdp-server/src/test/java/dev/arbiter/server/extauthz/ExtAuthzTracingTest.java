package dev.arbiter.server.extauthz;

import static dev.arbiter.server.extauthz.EnvoyRequest.CHECKOUT;
import static dev.arbiter.server.testing.OtlpReceiver.attributes;
import static dev.arbiter.server.testing.OtlpReceiver.hex;
import static dev.arbiter.server.testing.OtlpReceiver.randomHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.envoy.service.auth.v3.CheckResponse;
import dev.arbiter.server.testing.OtlpReceiver;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Envoy's gRPC Check with span export on: the span follows the client request's traceparent,
 * which Envoy forwards among its headers, and Envoy's own when the client sent none.
 */
class ExtAuthzTracingTest {

    static OtlpReceiver receiver;
    static TestServer server;
    static EnvoyClient envoy;
    static String key;

    @BeforeAll
    static void exportToAReceiver() {
        receiver = OtlpReceiver.start();
        server = TestServer.start(TestDatabases.freshUrl(), Map.of(
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint() + "/v1/traces",
                "OTEL_BSP_SCHEDULE_DELAY", "50"));
        MeshPolicies.load(server.admin());
        key = server.createKey("envoy", "check");
        envoy = new EnvoyClient(URI.create(server.baseUrl()).getPort());
    }

    @AfterAll
    static void stop() {
        if (envoy != null) {
            envoy.close();
        }
        if (server != null) {
            server.close();
        }
        receiver.close();
    }

    @Test
    void aGrpcCheckIsAChildOfTheClientRequestsSpan() throws Exception {
        String traceId = randomHex(16);
        String parentId = randomHex(8);
        EnvoyClient.Answer answer = envoy.check(EnvoyRequest.of("GET", "/orders/o-99").from(CHECKOUT)
                .contextExtension("service", "orders")
                .header("traceparent", "00-" + traceId + "-" + parentId + "-01").build(), key);
        assertEquals("0", answer.grpcStatus(), answer.headers().get("grpc-message"));
        CheckResponse response = answer.checkResponse();
        String decisionId = response.getOkResponse().getHeaders(0).getHeader().getValue();

        Span span = receiver.onlySpanOf(traceId);
        assertEquals(parentId, hex(span.getParentSpanId().toByteArray()));
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, span.getKind());
        assertEquals("arbiter ext_authz", span.getName());
        Map<String, AnyValue> attributes = attributes(span);
        assertEquals("ext_authz", attributes.get("arbiter.api").getStringValue());
        assertTrue(attributes.get("arbiter.decision.allow").getBoolValue());
        assertEquals(decisionId, attributes.get("arbiter.decision_id").getStringValue());
        assertTrue(attributes.get("arbiter.policy.revision").getIntValue() >= 1);
    }

    @Test
    void withoutTheClientsTraceEnvoysOwnIsTheParent() throws Exception {
        String traceId = randomHex(16);
        String envoySpan = randomHex(8);
        EnvoyClient.Answer answer = envoy.http2(EnvoyClient.CHECK_PATH, EnvoyClient.frame(EnvoyRequest
                .of("GET", "/orders/o-98").from(CHECKOUT).contextExtension("service", "orders").build().toByteArray()),
                List.of("content-type", "application/grpc", "te", "trailers", "authorization", "Bearer " + key,
                        "traceparent", "00-" + traceId + "-" + envoySpan + "-01"));
        assertEquals("0", answer.grpcStatus(), answer.headers().get("grpc-message"));

        assertEquals(envoySpan, hex(receiver.onlySpanOf(traceId).getParentSpanId().toByteArray()));
    }
}
