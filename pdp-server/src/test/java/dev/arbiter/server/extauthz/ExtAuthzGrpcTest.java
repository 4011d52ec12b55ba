package dev.arbiter.server.extauthz;

import static dev.arbiter.server.extauthz.EnvoyRequest.CHECKOUT;
import static dev.arbiter.server.extauthz.EnvoyRequest.REPORTING;
import static dev.arbiter.server.extauthz.EnvoyRequest.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.envoy.config.core.v3.HeaderValueOption;
import dev.arbiter.envoy.service.auth.v3.CheckRequest;
import dev.arbiter.envoy.service.auth.v3.CheckResponse;
import dev.arbiter.envoy.type.v3.StatusCode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.store.model.PolicyJson;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Envoy's gRPC ext_authz end to end, over h2c as Envoy's cluster speaks it: every mapping rule of
 * DESIGN.md with Envoy-shaped requests, the answers decoded as Envoy decodes them, the decision
 * log, and everything that must never be an allow.
 */
class ExtAuthzGrpcTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static EnvoyClient envoy;
    static String key;
    static ApiClient auditor;

    @BeforeAll
    static void mesh() {
        MeshPolicies.load(arbiter.admin());
        key = arbiter.server().createKey("envoy", "check");
        auditor = arbiter.clientWithRoles("grpc-auditor", "auditor");
        envoy = new EnvoyClient(URI.create(arbiter.server().baseUrl()).getPort());
    }

    @AfterAll
    static void close() {
        envoy.close();
    }

    static CheckResponse decided(EnvoyRequest request) throws Exception {
        EnvoyClient.Answer answer = envoy.check(request.build(), key);
        assertEquals(200, answer.httpStatus());
        assertEquals("application/grpc", answer.headers().get("content-type"));
        assertEquals("0", answer.grpcStatus(), answer.headers().get("grpc-message"));
        return answer.checkResponse();
    }

    static void assertAllowed(EnvoyRequest request) throws Exception {
        CheckResponse response = decided(request);
        assertEquals(0, response.getStatus().getCode(), response.getStatus().getMessage());
        assertTrue(response.hasOkResponse());
    }

    static void assertDenied(EnvoyRequest request) throws Exception {
        CheckResponse response = decided(request);
        assertEquals(7, response.getStatus().getCode());
        assertTrue(response.hasDeniedResponse());
    }

    @Test
    void thePeersUriSanIsThePrincipalAndAnAllowCarriesTheDecisionIdUpstream() throws Exception {
        CheckResponse response = decided(EnvoyRequest.of("GET", "/orders/o-17?expand=items").from(CHECKOUT));
        assertEquals(0, response.getStatus().getCode());
        List<HeaderValueOption> headers = response.getOkResponse().getHeadersList();
        assertEquals(1, headers.size());
        assertEquals("x-arbiter-decision-id", headers.get(0).getHeader().getKey());
        UUID.fromString(headers.get(0).getHeader().getValue());
        assertEquals(HeaderValueOption.HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD, headers.get(0).getAppendAction(),
                "a decision id the client sent is replaced");
    }

    @Test
    void aDenyIsPermissionDeniedWithA403AndAJsonBody() throws Exception {
        CheckResponse response = decided(EnvoyRequest.of("DELETE", "/orders/o-17").from(CHECKOUT));
        assertEquals(7, response.getStatus().getCode());
        assertEquals(StatusCode.Forbidden, response.getDeniedResponse().getStatus().getCode());
        JsonNode body = PolicyJson.MAPPER.readTree(response.getDeniedResponse().getBody());
        assertEquals(response.getStatus().getMessage(), body.get("reason").asText());
        UUID.fromString(body.get("decisionId").asText());
        assertTrue(response.getDeniedResponse().getHeadersList().stream().anyMatch(header ->
                header.getHeader().getKey().equals("content-type")
                        && header.getHeader().getValue().equals("application/json")));
    }

    @Test
    void theDirectoryGivesAPeerItsRoles() throws Exception {
        assertAllowed(EnvoyRequest.of("GET", "/reports/q3").from(REPORTING));
        assertDenied(EnvoyRequest.of("GET", "/reports/q3").from(CHECKOUT));
    }

    @Test
    void withoutAPeerIdentityTheVerifiedJwtsSubjectIsThePrincipalAndItsClaimsAreContext() throws Exception {
        assertAllowed(EnvoyRequest.of("GET", "/profile").jwt("jwt_payload", claims("user-42", "https://idp.acme.example")));
        assertDenied(EnvoyRequest.of("GET", "/profile").jwt("jwt_payload", claims("user-42", "https://evil.example")));
    }

    @Test
    void aPeerIdentityBeatsTheJwt() throws Exception {
        assertDenied(EnvoyRequest.of("GET", "/profile").from(CHECKOUT)
                .jwt("jwt_payload", claims("user-42", "https://idp.acme.example")));
    }

    @Test
    void withNeitherTheCallerIsAnonymous() throws Exception {
        assertAllowed(EnvoyRequest.of("GET", "/public/catalog"));
        assertDenied(EnvoyRequest.of("GET", "/orders/o-17"));
    }

    @Test
    void headersThatClaimAnIdentityNeverBecomeThePrincipal() throws Exception {
        assertDenied(EnvoyRequest.of("GET", "/orders/o-17")
                .header("x-forwarded-client-cert", "By=" + EnvoyRequest.ORDERS_WORKLOAD + ";URI=" + CHECKOUT)
                .header("x-spiffe-id", CHECKOUT).header("x-forwarded-user", CHECKOUT)
                .header("x-jwt-payload", "{\"sub\": \"" + CHECKOUT + "\"}"));
        assertDenied(EnvoyRequest.of("GET", "/reports/q3").header("x-spiffe-id", REPORTING)
                .jwt("jwt_payload", claims("user-42", "https://idp.acme.example")));
    }

    @Test
    void theRoutesContextExtensionNamesTheServiceElseTheHostWithoutPortDoes() throws Exception {
        assertAllowed(EnvoyRequest.of("GET", "/orders/o-17").from(CHECKOUT).host("edge.acme.example:443")
                .contextExtension("service", "orders"));
        assertDenied(EnvoyRequest.of("GET", "/orders/o-17").from(CHECKOUT).host("edge.acme.example:443"));
        assertAllowed(EnvoyRequest.of("GET", "/items/i-3").from(CHECKOUT).host("inventory.shop.svc.cluster.local:8080"));
        assertAllowed(EnvoyRequest.of("GET", "/items/i-3").from(CHECKOUT).host("Inventory.Shop.Svc.Cluster.Local"));
    }

    @Test
    void queryParametersAndHeadersAreThereForConditions() throws Exception {
        assertAllowed(ordersRoute("GET", "/search?q=shoes&page=2").header("x-tenant", "acme"));
        assertDenied(ordersRoute("GET", "/search?q=boots").header("x-tenant", "acme"));
        assertDenied(ordersRoute("GET", "/search?q=shoes").header("x-tenant", "globex"));
    }

    @Test
    void everyDecisionIsLoggedAsExtAuthzWithTheApplicationsCredentialsMasked() throws Exception {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        CheckResponse response = decided(ordersRoute("GET", "/orders/o-99")
                .header("authorization", "Bearer the-applications-own-token").header("cookie", "session=s3cr3t")
                .header("traceparent", traceparent));
        String decisionId = response.getOkResponse().getHeaders(0).getHeader().getValue();
        JsonNode record = Eventually.await(Duration.ofSeconds(30), "the decision in the log", () -> {
            for (JsonNode decision : auditor.get("/v1/decisions?api=ext_authz&limit=100").json().get("decisions")) {
                if (decision.get("decisionId").asText().equals(decisionId)) {
                    return decision;
                }
            }
            return null;
        });
        assertEquals("ext_authz", record.get("api").asText());
        assertEquals("envoy", record.get("caller").asText());
        assertEquals(CHECKOUT, record.at("/principal/id").asText());
        assertEquals("GET /orders/o-99", record.get("action").asText());
        assertEquals("0af7651916cd43dd8448eb211c80319c", record.get("traceId").asText());
        JsonNode input = record.get("input");
        assertEquals("http", input.at("/resource/kind").asText());
        assertEquals("/orders/o-99", input.at("/resource/id").asText());
        assertEquals("***", input.at("/context/headers/authorization").asText());
        assertEquals("***", input.at("/context/headers/cookie").asText());
        assertEquals("curl/8.5.0", input.at("/context/headers/user-agent").asText());
        assertEquals("10.1.2.3", input.at("/context/sourceAddress").asText());
        assertEquals(EnvoyRequest.ORDERS_WORKLOAD, input.at("/context/destinationPrincipal").asText());
        assertEquals("orders", input.at("/context/contextExtensions/service").asText());
        assertTrue(record.get("input").toString().indexOf("the-applications-own-token") < 0);
    }

    @Test
    void aCallerWithoutACheckKeyIsRefusedAndNothingIsDecided() throws Exception {
        CheckRequest request = ordersRoute("GET", "/orders/refused").build();
        Buffer body = EnvoyClient.frame(request.toByteArray());
        assertRefused(envoy.grpc(body, null, "application/grpc"), "16");
        assertRefused(envoy.grpc(body, "arb_" + "x".repeat(43), "application/grpc"), "16");
        assertRefused(envoy.grpc(body, arbiter.server().createKey("envoy-auditor", "auditor"), "application/grpc"),
                "7");
        decided(ordersRoute("GET", "/orders/after-the-refusals"));
        Eventually.await(Duration.ofSeconds(30), "the later decision in the log", () ->
                auditor.get("/v1/decisions?api=ext_authz&action=GET%20/orders/after-the-refusals").json()
                        .get("decisions").size() == 1 ? true : null);
        assertEquals(0, auditor.get("/v1/decisions?action=GET%20/orders/refused").json().get("decisions").size());
    }

    @Test
    void whatCannotBeReadOrCouldBeReadTwoWaysIsAnErrorStatusNeverAnAllow() throws Exception {
        byte[] message = ordersRoute("GET", "/orders/o-1").build().toByteArray();
        List<Buffer> unreadable = List.of(
                Buffer.buffer(),
                Buffer.buffer(new byte[] {0, 0}),
                EnvoyClient.frame(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x12}),
                EnvoyClient.frame("not a protobuf at all, just text".getBytes()),
                EnvoyClient.frame(message).slice(0, message.length - 3),
                EnvoyClient.frame(message).appendBytes(new byte[] {0, 0, 0, 0, 1, 8}),
                EnvoyClient.frame(message).setByte(0, (byte) 1),
                EnvoyClient.frame(CheckRequest.getDefaultInstance().toByteArray()),
                EnvoyClient.frame(EnvoyRequest.of("", "/orders/o-1").from(CHECKOUT).build().toByteArray()),
                EnvoyClient.frame(EnvoyRequest.of("GET", "orders").from(CHECKOUT).build().toByteArray()));
        List<Buffer> ambiguous = new ArrayList<>(unreadable);
        for (String path : List.of("/public/../orders/o-1", "/public/%2E%2e/orders/o-1", "/public/./x", "/public//x",
                "/public/a%2Fb", "/public/a%5cb", "/public/a\\b")) {
            ambiguous.add(EnvoyClient.frame(EnvoyRequest.of("GET", path).build().toByteArray()));
        }
        for (Buffer body : ambiguous) {
            EnvoyClient.Answer answer = envoy.grpc(body, key, "application/grpc");
            assertEquals(200, answer.httpStatus());
            assertEquals("3", answer.grpcStatus(), "INVALID_ARGUMENT: " + answer.headers().get("grpc-message"));
            assertEquals(0, answer.body().length());
        }
        EnvoyClient.Answer tooLarge = envoy.grpc(EnvoyClient.frame(new byte[5 * 1024 * 1024]), key, "application/grpc");
        assertEquals("8", tooLarge.grpcStatus(), "RESOURCE_EXHAUSTED");
    }

    @Test
    void aRequestThatIsNoGrpcCallGetsAJsonClientError() {
        Buffer body = EnvoyClient.frame(ordersRoute("GET", "/orders/o-1").build().toByteArray());
        for (String type : List.of("application/json", "text/plain", "application/grpc-web", "application/grpcx")) {
            EnvoyClient.Answer answer = envoy.http2(EnvoyClient.CHECK_PATH, body,
                    List.of("content-type", type, "authorization", "Bearer " + key));
            assertEquals(400, answer.httpStatus(), type);
            assertNull(answer.grpcStatus(), type);
        }
        EnvoyClient.Answer overHttp1 = envoy.http1(io.vertx.core.http.HttpMethod.POST, EnvoyClient.CHECK_PATH, null,
                body, List.of("content-type", "application/grpc", "authorization", "Bearer " + key));
        assertEquals(400, overHttp1.httpStatus());
    }

    @Test
    void aMalformedGrpcTimeoutIsRefusedAndAValidOneIsHonoured() throws Exception {
        Buffer body = EnvoyClient.frame(ordersRoute("GET", "/orders/o-1").build().toByteArray());
        for (String timeout : List.of("soon", "123456789S", "5s", "-1m")) {
            EnvoyClient.Answer answer = envoy.http2(EnvoyClient.CHECK_PATH, body, List.of("content-type",
                    "application/grpc", "te", "trailers", "authorization", "Bearer " + key, "grpc-timeout", timeout));
            assertEquals("3", answer.grpcStatus(), timeout);
        }
        EnvoyClient.Answer answer = envoy.http2(EnvoyClient.CHECK_PATH, body, List.of("content-type",
                "application/grpc", "te", "trailers", "authorization", "Bearer " + key, "grpc-timeout", "1S"));
        assertEquals("0", answer.grpcStatus());
    }

    @Test
    void oversizedHeadersOrTooManyValuesAreRefusedNeverAllowed() throws Exception {
        EnvoyRequest crowded = ordersRoute("GET", "/orders/o-1");
        for (int i = 0; i <= 10_000; i++) {
            crowded.header("x-h" + i, "v");
        }
        assertEquals("3", envoy.check(crowded.build(), key).grpcStatus(), "INVALID_ARGUMENT");
        Buffer body = EnvoyClient.frame(ordersRoute("GET", "/orders/o-1").build().toByteArray());
        Future<EnvoyClient.Answer> oversized = envoy.http2Async(EnvoyClient.CHECK_PATH, body, List.of("content-type",
                "application/grpc", "authorization", "Bearer " + key, "x-padding", "p".repeat(200_000)));
        try {
            EnvoyClient.Answer answer = oversized.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(answer.httpStatus() < 500, "status " + answer.httpStatus());
            assertNotEquals("0", answer.grpcStatus());
        } catch (java.util.concurrent.ExecutionException refusedByReset) {
            // The server reset the stream: no answer at all, so no allow.
        }
        assertEquals("0", envoy.check(ordersRoute("GET", "/orders/o-1").build(), key).grpcStatus(),
                "the server answers the next call");
    }

    @Test
    void manyCallsInFlightOnOneConnectionAreAllAnswered() throws Exception {
        List<Future<EnvoyClient.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            calls.add(envoy.checkAsync(ordersRoute("GET", "/orders/o-" + i).build(), key));
        }
        Future.all(calls).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        for (Future<EnvoyClient.Answer> call : calls) {
            assertEquals("0", call.result().grpcStatus());
            assertEquals(0, call.result().checkResponse().getStatus().getCode());
        }
    }

    private static EnvoyRequest ordersRoute(String method, String path) {
        return EnvoyRequest.of(method, path).from(CHECKOUT).contextExtension("service", "orders");
    }

    private static void assertRefused(EnvoyClient.Answer answer, String status) {
        assertEquals(200, answer.httpStatus());
        assertEquals(status, answer.grpcStatus(), answer.headers().get("grpc-message"));
        assertNotEquals(0, answer.headers().get("grpc-message").length());
        assertEquals(0, answer.body().length());
    }
}
