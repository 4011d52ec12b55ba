package dev.arbiter.server.extauthz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.store.model.PolicyJson;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Envoy's HTTP mode (http_service with path_prefix /ext-authz): the client's request comes as the
 * request, Arbiter's key in x-arbiter-token; 200 allows, 403 with a JSON body denies.
 */
class ExtAuthzHttpTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static EnvoyClient envoy;
    static String key;

    @BeforeAll
    static void mesh() {
        MeshPolicies.load(arbiter.admin());
        key = arbiter.server().createKey("envoy-http", "check");
        envoy = new EnvoyClient(URI.create(arbiter.server().baseUrl()).getPort());
    }

    @AfterAll
    static void close() {
        envoy.close();
    }

    static EnvoyClient.Answer ask(HttpMethod method, String path, String host, String... headers) {
        List<String> all = new ArrayList<>(List.of("x-arbiter-token", key));
        all.addAll(List.of(headers));
        return envoy.http1(method, "/ext-authz" + path, host, null, all);
    }

    @Test
    void anAllowIs200WithTheDecisionId() {
        EnvoyClient.Answer answer = ask(HttpMethod.GET, "/public/catalog?page=2", "orders:8080");
        assertEquals(200, answer.httpStatus());
        UUID.fromString(answer.headers().get("x-arbiter-decision-id"));
        assertEquals(0, answer.body().length());
    }

    @Test
    void aDenyIs403WithAJsonBodyNamingTheDecision() throws Exception {
        EnvoyClient.Answer answer = ask(HttpMethod.DELETE, "/public/catalog", "orders:8080");
        assertEquals(403, answer.httpStatus());
        assertTrue(answer.headers().get("content-type").startsWith("application/json"));
        JsonNode body = PolicyJson.MAPPER.readTree(answer.body().toString());
        assertTrue(body.get("reason").asText().contains("no-writes-from-outside-prod"), body.toString());
        assertEquals(answer.headers().get("x-arbiter-decision-id"), body.get("decisionId").asText());
    }

    @Test
    void headersClaimNoIdentityTheCallerIsAnonymous() {
        assertEquals(403, ask(HttpMethod.GET, "/orders/o-17", "orders:8080",
                "x-spiffe-id", EnvoyRequest.CHECKOUT, "x-forwarded-client-cert", "URI=" + EnvoyRequest.CHECKOUT,
                "authorization", "Bearer " + key).httpStatus());
    }

    @Test
    void theHostWithoutPortNamesTheService() {
        assertEquals(403, ask(HttpMethod.GET, "/public/catalog", "inventory.shop.svc.cluster.local:8080")
                .httpStatus());
        assertEquals(200, ask(HttpMethod.GET, "/public/catalog", "ORDERS").httpStatus());
    }

    @Test
    void theApplicationsAuthorizationHeaderIsNeverArbitersKey() {
        EnvoyClient.Answer answer = envoy.http1(HttpMethod.GET, "/ext-authz/public/catalog", "orders:8080", null,
                List.of("authorization", "Bearer " + key));
        assertEquals(401, answer.httpStatus());
        assertEquals(200, ask(HttpMethod.GET, "/public/catalog", "orders:8080", "authorization", "Bearer app-token")
                .httpStatus());
    }

    @Test
    void onlyCallersWithTheCheckRoleMayAsk() {
        String[][] callers = {
            {null, "401"},
            {"", "401"},
            {"arb_" + "x".repeat(43), "401"},
            {arbiter.server().createKey("http-auditor", "auditor"), "403"},
            {arbiter.server().createKey("http-policy-admin", "policy-admin"), "403"},
            {arbiter.server().createKey("http-check", "check"), "200"},
            {arbiter.server().createKey("http-admin", "admin"), "200"}};
        for (String[] caller : callers) {
            List<String> headers = caller[0] == null ? List.of() : List.of("x-arbiter-token", caller[0]);
            EnvoyClient.Answer answer = envoy.http1(HttpMethod.GET, "/ext-authz/public/catalog", "orders:8080", null,
                    headers);
            assertEquals(Integer.parseInt(caller[1]), answer.httpStatus(), answer.body().toString());
            if (answer.httpStatus() != 200) {
                assertTrue(answer.body().toJsonObject().containsKey("error"));
                assertNull(answer.headers().get("x-arbiter-decision-id"));
            }
        }
    }

    @Test
    void anyMethodAndAnUploadAreAskedAbout() {
        assertEquals(403, ask(HttpMethod.POST, "/public/upload", "orders:8080",
                "content-type", "multipart/form-data; boundary=x").httpStatus());
        assertEquals(403, ask(HttpMethod.PATCH, "/public/x", "orders:8080").httpStatus());
        assertEquals(403, ask(HttpMethod.GET, "", "orders:8080").httpStatus(), "the prefix alone asks about /");
    }

    @Test
    void aPathThatIsNotValidIsAClientErrorNeverAnAllow() {
        for (String path : List.of("/public/%zz", "/public/%2e%2e/orders/o-17", "/public/../orders/o-17",
                "/public//x")) {
            EnvoyClient.Answer answer = ask(HttpMethod.GET, path, "orders:8080");
            assertEquals(400, answer.httpStatus(), path);
            assertTrue(answer.body().toJsonObject().containsKey("error"), path);
        }
        assertEquals(200, ask(HttpMethod.GET, "/public/trailing/", "orders:8080").httpStatus());
    }

    @Test
    void decisionsAreLoggedAsExtAuthzWithoutArbitersKeyAndWithTheApplicationsCredentialsMasked() {
        ApiClient auditor = arbiter.clientWithRoles("http-log-reader", "auditor");
        EnvoyClient.Answer answer = ask(HttpMethod.GET, "/public/logged?lang=en", "orders:8080",
                "authorization", "Bearer app-secret", "cookie", "sid=app-cookie");
        String decisionId = answer.headers().get("x-arbiter-decision-id");
        JsonNode record = Eventually.await(Duration.ofSeconds(30), "the decision in the log", () -> {
            ApiClient.Response found = auditor.get("/v1/decisions/" + decisionId);
            return found.status() == 200 ? found.json() : null;
        });
        assertEquals("ext_authz", record.get("api").asText());
        assertEquals("anonymous", record.at("/principal/id").asText());
        assertEquals("GET /public/logged", record.get("action").asText());
        assertEquals("en", record.at("/input/resource/attr/query/lang").asText());
        assertEquals("***", record.at("/input/context/headers/authorization").asText());
        assertEquals("***", record.at("/input/context/headers/cookie").asText());
        assertTrue(record.at("/input/context/headers/x-arbiter-token").isMissingNode());
        assertTrue(!record.toString().contains(key) && !record.toString().contains("app-secret"));
    }
}
