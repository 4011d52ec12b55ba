package dev.arbiter.server;

import static dev.arbiter.server.testing.OtlpReceiver.attributes;
import static dev.arbiter.server.testing.OtlpReceiver.hex;
import static dev.arbiter.server.testing.OtlpReceiver.randomHex;
import static dev.arbiter.server.testing.OtlpReceiver.traceIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.OtlpReceiver;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Span export to a real OTLP/HTTP receiver: one SERVER span per front-door call, a child of the
 * caller's traceparent, with what was decided and nothing of what it was decided on.
 */
class TracingTest {

    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("arbiter.api", "arbiter.decision.allow",
            "arbiter.decision_id", "arbiter.policy.revision", "arbiter.batch.size");
    private static final String EVALUATION = """
            {"subject": {"type": "service", "id": "spiffe://acme.prod/ns/shop/sa/checkout", "properties": {"env": "prod"}},
             "action": {"name": "charges:create"},
             "resource": {"type": "charge", "id": "ch_1", "properties": {"amount": %d, "env": "prod"}}}""";

    static OtlpReceiver receiver;
    static TestServer server;
    static ApiClient checker;
    static String envoyKey;

    @BeforeAll
    static void exportToAReceiver() {
        receiver = OtlpReceiver.start();
        server = TestServer.start(TestDatabases.freshUrl(), Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_BSP_SCHEDULE_DELAY", "50"));
        assertEquals(201, server.admin().put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
        checker = server.client(server.createKey("checker", "check"));
        envoyKey = server.createKey("envoy", "check");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        receiver.close();
    }

    @Test
    void aCheckIsAServerSpanChildOfTheCallersSpan() {
        String traceId = randomHex(16);
        String parentId = randomHex(8);
        ApiClient.Response response = checker.send("POST", "/v1/check", Policies.charge(5000),
                "traceparent", "00-" + traceId + "-" + parentId + "-01");
        assertEquals(200, response.status(), response.body());

        Span span = receiver.onlySpanOf(traceId);
        assertEquals(parentId, hex(span.getParentSpanId().toByteArray()));
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, span.getKind());
        assertEquals("arbiter check", span.getName());
        Map<String, AnyValue> attributes = attributes(span);
        assertEquals("check", attributes.get("arbiter.api").getStringValue());
        assertTrue(attributes.get("arbiter.decision.allow").getBoolValue());
        assertEquals(response.json().get("decisionId").asText(), attributes.get("arbiter.decision_id").getStringValue());
        assertEquals(response.json().get("revision").asLong(), attributes.get("arbiter.policy.revision").getIntValue());
        assertTrue(span.getStartTimeUnixNano() > 0 && span.getStartTimeUnixNano() <= span.getEndTimeUnixNano());
        assertTrue(span.getEndTimeUnixNano() - span.getStartTimeUnixNano() < Duration.ofSeconds(10).toNanos());
        assertNothingDecidedOn(span);
    }

    @Test
    void theResourceNamesTheServiceArbiter() {
        String traceId = randomHex(16);
        checker.send("POST", "/v1/check", Policies.charge(5000), "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        OtlpReceiver.Received received = Eventually.await(OtlpReceiver.EXPORTED, "the span of " + traceId, () -> receiver.spans()
                .stream().filter(span -> traceIdOf(span.span()).equals(traceId)).findFirst().orElse(null));
        assertTrue(received.resource().getResource().getAttributesList().stream().anyMatch(attribute ->
                attribute.getKey().equals("service.name") && attribute.getValue().getStringValue().equals("arbiter")),
                received.resource().toString());
    }

    @Test
    void aCheckWithoutTraceparentIsARootSpan() {
        ApiClient.Response response = checker.post("/v1/check", Policies.charge(20_000));
        String decisionId = response.json().get("decisionId").asText();

        Span span = Eventually.await(OtlpReceiver.EXPORTED, "the span of " + decisionId, () -> receiver.spans().stream()
                .map(OtlpReceiver.Received::span)
                .filter(candidate -> decisionId.equals(attributes(candidate).getOrDefault("arbiter.decision_id",
                        AnyValue.getDefaultInstance()).getStringValue()))
                .findFirst().orElse(null));
        assertTrue(span.getParentSpanId().isEmpty(), "a root span has no parent");
        assertEquals(16, span.getTraceId().size());
        assertFalse(attributes(span).get("arbiter.decision.allow").getBoolValue());
    }

    @Test
    void aBatchIsOneSpanWithItsSize() {
        String traceId = randomHex(16);
        ApiClient.Response response = checker.send("POST", "/v1/check/batch", "{\"checks\": [" + Policies.charge(1)
                + ", " + Policies.charge(2) + ", " + Policies.charge(20_000) + "]}",
                "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        assertEquals(200, response.status(), response.body());

        Span span = receiver.onlySpanOf(traceId);
        assertEquals("arbiter batch", span.getName());
        Map<String, AnyValue> attributes = attributes(span);
        assertEquals("batch", attributes.get("arbiter.api").getStringValue());
        assertEquals(3, attributes.get("arbiter.batch.size").getIntValue());
        assertTrue(attributes.get("arbiter.policy.revision").getIntValue() >= 1);
        assertFalse(attributes.containsKey("arbiter.decision_id"), "a batch has a decision id per item");
        assertNothingDecidedOn(span);
    }

    @Test
    void anAuthzenEvaluationIsASpanWithItsDecision() {
        String traceId = randomHex(16);
        ApiClient.Response response = checker.send("POST", "/authzen/payments/access/v1/evaluation",
                EVALUATION.formatted(5000), "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        assertEquals(200, response.status(), response.body());

        Span span = receiver.onlySpanOf(traceId);
        assertEquals("arbiter authzen", span.getName());
        assertEquals("authzen", attributes(span).get("arbiter.api").getStringValue());
        assertTrue(attributes(span).get("arbiter.decision.allow").getBoolValue());
        assertNothingDecidedOn(span);
    }

    @Test
    void authzenEvaluationsAreOneSpanWhicheverTheSemantic() {
        for (String semantic : List.of("execute_all", "deny_on_first_deny")) {
            String traceId = randomHex(16);
            ApiClient.Response response = checker.send("POST", "/authzen/payments/access/v1/evaluations",
                    "{\"options\": {\"evaluations_semantic\": \"" + semantic + "\"}, \"evaluations\": ["
                            + EVALUATION.formatted(1) + ", " + EVALUATION.formatted(2) + ", "
                            + EVALUATION.formatted(3) + "]}",
                    "traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
            assertEquals(200, response.status(), response.body());

            Span span = receiver.onlySpanOf(traceId);
            assertEquals("arbiter authzen", span.getName(), semantic);
            assertEquals(3, attributes(span).get("arbiter.batch.size").getIntValue(), semantic);
            assertNothingDecidedOn(span);
        }
    }

    @Test
    void anExtAuthzCheckFollowsTheClientsTrace() {
        String traceId = randomHex(16);
        String parentId = randomHex(8);
        ApiClient.Response response = new ApiClient(server.baseUrl(), null).send("GET", "/ext-authz/orders/o-1", null,
                "x-arbiter-token", envoyKey, "traceparent", "00-" + traceId + "-" + parentId + "-01");
        assertEquals(403, response.status(), response.body());

        Span span = receiver.onlySpanOf(traceId);
        assertEquals(parentId, hex(span.getParentSpanId().toByteArray()));
        assertEquals("arbiter ext_authz", span.getName());
        assertEquals(response.header("x-arbiter-decision-id"), attributes(span).get("arbiter.decision_id").getStringValue());
        assertNothingDecidedOn(span);
    }

    @Test
    void aTraceTheCallerDidNotSampleIsNotExported() {
        String unsampled = randomHex(16);
        checker.send("POST", "/v1/check", Policies.charge(5000), "traceparent", "00-" + unsampled + "-" + randomHex(8) + "-00");
        String sampled = randomHex(16);
        checker.send("POST", "/v1/check", Policies.charge(5000), "traceparent", "00-" + sampled + "-" + randomHex(8) + "-01");

        receiver.onlySpanOf(sampled);
        assertTrue(receiver.spans().stream().noneMatch(span -> traceIdOf(span.span()).equals(unsampled)),
                "the parent-based sampler follows the traceparent's sampled flag");
    }

    /** No principal, resource, action or attribute value: the decision log holds those. */
    private static void assertNothingDecidedOn(Span span) {
        Map<String, AnyValue> attributes = attributes(span);
        assertTrue(ALLOWED_ATTRIBUTES.containsAll(attributes.keySet()), attributes.keySet().toString());
        String values = attributes.values().toString();
        for (String secret : List.of("spiffe", "checkout", "ch_1", "charges", "prod", "orders", "o-1", envoyKey)) {
            assertFalse(values.contains(secret), secret + " in " + values);
        }
    }
}
