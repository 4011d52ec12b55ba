package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.StoreSnapshot;
import dev.arbiter.server.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the HTTP API × every kind of caller: exactly the access DESIGN.md grants, nothing
 * more. Callers without a valid token get 401, callers whose key lacks the role 403, and the others
 * get the endpoint's success status. The table must name every route the router registers, so an
 * endpoint cannot be added without deciding who may call it.
 */
class AuthorizationMatrixTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static final String CHECK = "check";
    private static final String POLICY_ADMIN = "policy-admin";
    private static final String AUDITOR = "auditor";
    private static final String ADMIN = "admin";
    /** Stands for the name of the caller in paths and bodies, so each caller writes its own objects. */
    private static final String CALLER = "{caller}";
    /** Stands for a decision id that is in the log. */
    private static final String DECISION = "{decision}";

    /**
     * Routes that are not endpoints: the guard of every request, body reading and authentication of
     * /v1, reserved "_" paths, errors.
     */
    private static final List<String> INFRASTRUCTURE = List.of("* (any path)", "* /v1/*",
            "* /v1/(?!entities/_apply$).*", "POST /v1/entities/_apply", "* /v1/policies/_.*", "* (any path)",
            "* /.well-known/authzen-configuration/:service", "* /authzen/*", "* /authzen/*");

    /**
     * Envoy's doors: the key travels where Envoy puts it (gRPC metadata, x-arbiter-token) and a
     * refusal is answered as Envoy reads one (a gRPC status); ExtAuthzGrpcTest and ExtAuthzHttpTest
     * hold their callers × answers.
     */
    private static final List<String> ENVOY_DOORS = List.of("POST /envoy.service.auth.v3.Authorization/Check",
            "POST /envoy.service.auth.v3.Authorization/Check", "* /ext-authz/*");

    /** One endpoint: its route as registered, a request that succeeds, and the roles that may send it. */
    record Endpoint(String method, String route, String path, String body, int success, Set<String> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }

        String registered() {
            return method + " " + route;
        }

        String path(Caller caller) {
            return path.replace(CALLER, caller.label).replace(DECISION, decisionId);
        }

        String body(Caller caller) {
            return body == null ? null : body.replace(CALLER, caller.label);
        }
    }

    private static Endpoint endpoint(String method, String route, String path, String body, int success,
            String... roles) {
        return new Endpoint(method, route, path, body, success, Set.of(roles));
    }

    private static final String CHECK_BODY = Policies.check("a", "s");
    private static final String AUTHZEN = "/authzen/:service/access/v1";
    private static final String AUTHZEN_EVALUATION = "{\"subject\": {\"type\": \"user\", \"id\": \"shared\"},"
            + " \"action\": {\"name\": \"a\"}, \"resource\": {\"type\": \"k\", \"id\": \"shared\"}}";

    /** The access DESIGN.md grants; admin has every role. */
    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("GET", "/health/live", "/health/live", null, 200),
            endpoint("GET", "/health/ready", "/health/ready", null, 200),
            endpoint("GET", "/metrics", "/metrics", null, 200),
            endpoint("GET", "/openapi.json", "/openapi.json", null, 200),
            endpoint("GET", "/console/*", "/console/", null, 200),
            endpoint("POST", "/v1/check", "/v1/check", CHECK_BODY, 200, CHECK),
            endpoint("POST", "/v1/check/batch", "/v1/check/batch", "{\"checks\": [" + CHECK_BODY + "]}", 200, CHECK),
            endpoint("POST", "/v1/policies/_validate", "/v1/policies/_validate",
                    Policies.allow("validated-" + CALLER, "s", "a"), 200, POLICY_ADMIN, AUDITOR),
            endpoint("POST", "/v1/policies/_apply", "/v1/policies/_apply",
                    "{\"policies\": [" + Policies.allow("applied-" + CALLER, "applied-" + CALLER, "a") + "]}", 200,
                    POLICY_ADMIN),
            endpoint("POST", "/v1/policies/_impact", "/v1/policies/_impact",
                    "{\"policies\": [" + Policies.allow("impact-" + CALLER, "s", "a") + "]}", 200, POLICY_ADMIN),
            endpoint("GET", "/v1/policies", "/v1/policies", null, 200, POLICY_ADMIN, AUDITOR),
            endpoint("GET", "/v1/policies/:id", "/v1/policies/shared", null, 200, POLICY_ADMIN, AUDITOR),
            endpoint("PUT", "/v1/policies/:id", "/v1/policies/put-" + CALLER,
                    Policies.allow("put-" + CALLER, "s", "a"), 201, POLICY_ADMIN),
            endpoint("DELETE", "/v1/policies/:id", "/v1/policies/delete-" + CALLER, null, 204, POLICY_ADMIN),
            endpoint("GET", "/v1/policies/:id/versions", "/v1/policies/shared/versions", null, 200,
                    POLICY_ADMIN, AUDITOR),
            endpoint("GET", "/v1/policies/:id/versions/:version", "/v1/policies/shared/versions/1", null, 200,
                    POLICY_ADMIN, AUDITOR),
            endpoint("POST", "/v1/policies/:id/rollback", "/v1/policies/rollback-" + CALLER + "/rollback?to=1", "",
                    200, POLICY_ADMIN),
            endpoint("GET", "/v1/decisions", "/v1/decisions?limit=5", null, 200, AUDITOR),
            endpoint("GET", "/v1/decisions/stats", "/v1/decisions/stats?groupBy=policy", null, 200, AUDITOR),
            endpoint("GET", "/v1/decisions/verify", "/v1/decisions/verify", null, 200, AUDITOR),
            endpoint("GET", "/v1/decisions/:decisionId", "/v1/decisions/" + DECISION, null, 200, AUDITOR),
            endpoint("POST", "/v1/entities/_apply", "/v1/entities/_apply",
                    "{\"principals\": [{\"id\": \"entity-" + CALLER + "\"}]}", 200, POLICY_ADMIN),
            endpoint("GET", "/v1/entities/principals", "/v1/entities/principals", null, 200, POLICY_ADMIN, AUDITOR),
            endpoint("GET", "/v1/entities/principals/:id", "/v1/entities/principals/shared", null, 200,
                    POLICY_ADMIN, AUDITOR),
            endpoint("DELETE", "/v1/entities/principals/:id", "/v1/entities/principals/doomed-" + CALLER, null, 204,
                    POLICY_ADMIN),
            endpoint("GET", "/v1/entities/resources", "/v1/entities/resources", null, 200, POLICY_ADMIN, AUDITOR),
            endpoint("GET", "/v1/entities/resources/:service/:kind/:id", "/v1/entities/resources/s/k/shared", null,
                    200, POLICY_ADMIN, AUDITOR),
            endpoint("DELETE", "/v1/entities/resources/:service/:kind/:id", "/v1/entities/resources/s/k/doomed-"
                    + CALLER, null, 204, POLICY_ADMIN),
            endpoint("GET", "/.well-known/authzen-configuration/:service", "/.well-known/authzen-configuration/s",
                    null, 200),
            endpoint("POST", AUTHZEN + "/evaluation", "/authzen/s/access/v1/evaluation", AUTHZEN_EVALUATION, 200,
                    CHECK),
            endpoint("POST", AUTHZEN + "/evaluations", "/authzen/s/access/v1/evaluations",
                    "{\"evaluations\": [" + AUTHZEN_EVALUATION + "]}", 200, CHECK),
            endpoint("POST", AUTHZEN + "/search/subject", "/authzen/s/access/v1/search/subject",
                    "{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": \"a\"},"
                            + " \"resource\": {\"type\": \"k\", \"id\": \"shared\"}}", 200, CHECK),
            endpoint("POST", AUTHZEN + "/search/resource", "/authzen/s/access/v1/search/resource",
                    "{\"subject\": {\"type\": \"user\", \"id\": \"shared\"}, \"action\": {\"name\": \"a\"},"
                            + " \"resource\": {\"type\": \"k\"}}", 200, CHECK),
            endpoint("POST", AUTHZEN + "/search/action", "/authzen/s/access/v1/search/action",
                    "{\"subject\": {\"type\": \"user\", \"id\": \"shared\"},"
                            + " \"resource\": {\"type\": \"k\", \"id\": \"shared\"}}", 200, CHECK),
            endpoint("POST", "/v1/keys", "/v1/keys", "{\"name\": \"created-" + CALLER + "\", \"roles\": [\"check\"]}",
                    201, ADMIN),
            endpoint("GET", "/v1/keys", "/v1/keys", null, 200, ADMIN),
            endpoint("DELETE", "/v1/keys/:name", "/v1/keys/revoked-" + CALLER, null, 204, ADMIN));

    /** Who calls: without a usable token, or with a key holding one role. */
    enum Caller {
        NO_TOKEN("no-token", null),
        UNKNOWN_TOKEN("unknown-token", null),
        REVOKED_TOKEN("revoked-token", null),
        EMPTY_BEARER("empty-bearer", null),
        ADMIN_TOKEN_WITHOUT_SCHEME("bare-token", null),
        ADMIN_TOKEN_AS_BASIC("basic-scheme", null),
        CHECK_ROLE("check", CHECK),
        POLICY_ADMIN_ROLE("policy-admin", POLICY_ADMIN),
        AUDITOR_ROLE("auditor", AUDITOR),
        ADMIN_ROLE("admin", ADMIN);

        final String label;
        final String role;

        Caller(String label, String role) {
            this.label = label;
            this.role = role;
        }

        /** The status DESIGN.md grants this caller on {@code endpoint}. */
        int expectedStatus(Endpoint endpoint) {
            if (endpoint.isPublic()) {
                return endpoint.success();
            }
            if (role == null) {
                return 401;
            }
            return role.equals(ADMIN) || endpoint.roles().contains(role) ? endpoint.success() : 403;
        }
    }

    static TestServer server;
    static String decisionId;
    /** The Authorization header each caller sends, or null for none. */
    static final Map<Caller, String> AUTHORIZATION = new EnumMap<>(Caller.class);
    static StoreSnapshot beforeRefusals;

    @BeforeAll
    static void callersAndObjects() {
        server = arbiter.server();
        ApiClient admin = server.admin();
        AUTHORIZATION.put(Caller.UNKNOWN_TOKEN, "Bearer arb_" + "x".repeat(43));
        String revoked = server.createKey("caller-revoked", ADMIN);
        assertEquals(204, admin.delete("/v1/keys/caller-revoked").status());
        AUTHORIZATION.put(Caller.REVOKED_TOKEN, "Bearer " + revoked);
        AUTHORIZATION.put(Caller.EMPTY_BEARER, "Bearer ");
        AUTHORIZATION.put(Caller.ADMIN_TOKEN_WITHOUT_SCHEME, TestServer.ADMIN_TOKEN);
        AUTHORIZATION.put(Caller.ADMIN_TOKEN_AS_BASIC, "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + TestServer.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8)));
        for (Caller caller : Caller.values()) {
            if (caller.role != null) {
                AUTHORIZATION.put(caller, "Bearer " + server.createKey("caller-" + caller.label, caller.role));
            }
        }

        assertEquals(201, admin.put("/v1/policies/shared", Policies.allow("shared", "s", "a")).status());
        StringBuilder principals = new StringBuilder("{\"id\": \"shared\"}");
        StringBuilder resources = new StringBuilder("{\"service\": \"s\", \"kind\": \"k\", \"id\": \"shared\"}");
        for (Caller caller : Caller.values()) {
            principals.append(", {\"id\": \"doomed-").append(caller.label).append("\"}");
            resources.append(", {\"service\": \"s\", \"kind\": \"k\", \"id\": \"doomed-").append(caller.label)
                    .append("\"}");
        }
        assertEquals(200, admin.post("/v1/entities/_apply", "{\"principals\": [" + principals + "], \"resources\": ["
                + resources + "]}").status());
        for (Caller caller : Caller.values()) {
            String rollback = "rollback-" + caller.label;
            assertEquals(201, admin.put("/v1/policies/" + rollback, Policies.allow(rollback, "s", "a")).status());
            assertEquals(200, admin.put("/v1/policies/" + rollback, Policies.allow(rollback, "s", "b")).status());
            String delete = "delete-" + caller.label;
            assertEquals(201, admin.put("/v1/policies/" + delete, Policies.allow(delete, "s", "a")).status());
            server.createKey("revoked-" + caller.label, CHECK);
        }
        decisionId = admin.post("/v1/check", CHECK_BODY).json().get("decisionId").asText();
        Eventually.await(Duration.ofSeconds(30), "the decision in the log", () ->
                admin.get("/v1/decisions/" + decisionId).status() == 200 ? true : null);
        beforeRefusals = StoreSnapshot.of(server);
    }

    @Test
    void theMatrixNamesEveryRouteOfTheRouter() {
        List<String> registered = server.routes().stream().map(AuthorizationMatrixTest::describe).sorted().toList();
        List<String> expected = Stream.of(ENDPOINTS.stream().map(Endpoint::registered), INFRASTRUCTURE.stream(),
                ENVOY_DOORS.stream()).flatMap(routes -> routes).sorted().toList();
        assertEquals(expected, registered, "every route needs a row in AuthorizationMatrixTest.ENDPOINTS saying"
                + " which roles may call it");
    }

    /** Refusals first, so the store can be compared before anything allowed changes it. */
    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                int expected = caller.expectedStatus(endpoint);
                if (expected == 401 || expected == 403) {
                    tests.add(cell(endpoint, caller, expected));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("the refused requests changed nothing", () ->
                assertEquals(beforeRefusals, StoreSnapshot.of(server))));
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                int expected = caller.expectedStatus(endpoint);
                if (expected != 401 && expected != 403) {
                    tests.add(cell(endpoint, caller, expected));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void pathsThatAreNoEndpointNeedATokenAndThenAnswerNotFoundOrNotAllowed() {
        List<String[]> unrouted = List.of(
                new String[] {"GET", "/v1/nothing"},
                new String[] {"GET", "/v1"},
                new String[] {"GET", "/v1/policies/_nothing"},
                new String[] {"GET", "/v1/policies/_validate"},
                new String[] {"PATCH", "/v1/check"},
                new String[] {"PUT", "/v1/keys"},
                new String[] {"DELETE", "/v1/decisions"});
        for (String[] request : unrouted) {
            for (Caller caller : Caller.values()) {
                ApiClient.Response response = send(caller, request[0], request[1], null);
                String cell = caller + " " + request[0] + " " + request[1] + ": " + response.body();
                if (caller.role == null) {
                    assertRefused(response, 401, cell);
                } else {
                    assertTrue(response.status() == 404 || response.status() == 405, cell);
                    assertTrue(response.json().has("error"), cell);
                }
            }
        }
    }

    private static DynamicTest cell(Endpoint endpoint, Caller caller, int expected) {
        String name = caller + " " + endpoint.method() + " " + endpoint.route() + " -> " + expected;
        return DynamicTest.dynamicTest(name, () -> {
            ApiClient.Response response = send(caller, endpoint.method(), endpoint.path(caller),
                    endpoint.body(caller));
            assertTrue(response.status() < 500, name + ": " + response.body());
            if (expected == 401 || expected == 403) {
                assertRefused(response, expected, name);
            } else {
                assertEquals(expected, response.status(), name + ": " + response.body());
            }
        });
    }

    private static void assertRefused(ApiClient.Response response, int status, String cell) {
        assertEquals(status, response.status(), cell + ": " + response.body());
        assertEquals(status == 401 ? "unauthorized" : "forbidden", response.errorCode(), cell);
        if (status == 401) {
            assertEquals("Bearer", response.header("WWW-Authenticate"), cell);
        }
    }

    private static ApiClient.Response send(Caller caller, String method, String path, String body) {
        String authorization = AUTHORIZATION.get(caller);
        ApiClient client = server.client(null);
        return authorization == null
                ? client.send(method, path, body)
                : client.send(method, path, body, "Authorization", authorization);
    }

    /** A route as "METHODS path" as registered: "*" for every method, a trailing "*" for a prefix. */
    private static String describe(Route route) {
        Set<HttpMethod> methods = route.methods();
        String method = methods == null || methods.isEmpty() ? "*"
                : methods.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(","));
        if (route.getName() == null) {
            return method + " (any path)";
        }
        boolean prefix = !route.isRegexPath() && !route.isExactPath();
        return method + " " + route.getName() + (prefix ? "*" : "");
    }
}
