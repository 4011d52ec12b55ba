package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.ContractCheck;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.openapi.contract.Operation;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /openapi.json} describes every route, and real requests and answers of every route
 * group, successes and errors, hold to it.
 */
class OpenApiContractTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static final String TOKEN = TestServer.ADMIN_TOKEN;
    private static final String AUTHZEN = "/authzen/payments/access/v1";
    private static final String SUBJECT = "{\"type\": \"user\", \"id\": \"u1\"}";
    private static final String CHARGE = "{\"type\": \"charge\", \"id\": \"c1\"}";

    static ContractCheck check;
    static ApiClient admin;

    @BeforeAll
    static void document() {
        ApiClient.Response document = arbiter.client(null).get("/openapi.json");
        assertEquals(200, document.status());
        assertEquals(BuildInfo.current().version(), document.json().path("info").path("version").asText());
        assertEquals("3.1.0", document.json().path("openapi").asText());
        check = new ContractCheck(document.body());
        admin = arbiter.admin();
    }

    @AfterAll
    static void close() {
        check.close();
    }

    private static ApiClient.Response send(String method, String path, String body, String... headers) {
        return check.exchange(admin, TOKEN, method, path, body, headers);
    }

    private static void expect(int status, String method, String path, String body) {
        assertEquals(status, send(method, path, body).status(), method + " " + path);
    }

    /** A request outside the document, whose refusal must be inside it. */
    private static void refused(int status, String method, String path, String body) {
        assertEquals(status, check.answer(admin, method, path, body).status(), method + " " + path);
    }

    @Test
    void everyRouteIsDescribedAndNothingElse() {
        Set<String> routed = new TreeSet<>();
        for (Route route : arbiter.server().routes()) {
            // Endpoints only: the guards and body readers of whole prefixes have no method or a regex.
            if (route.methods() != null && !route.methods().isEmpty() && route.getName() != null
                    && !route.getName().contains(".*")) {
                String path = route.getName().replaceAll(":([A-Za-z]+)", "{$1}") + (route.isExactPath() ? "" : "/");
                route.methods().forEach(method -> routed.add(method.name() + " " + path.replace("//", "/")));
            }
        }
        Set<String> described = new TreeSet<>();
        for (Operation operation : check.contract().operations()) {
            described.add(operation.getHttpMethod().name() + " " + operation.getOpenAPIPath());
        }
        assertEquals(routed, described);
    }

    @Test
    void operatingAnswersHoldToTheDocument() {
        ApiClient anonymous = arbiter.client(null);
        assertEquals(200, check.exchange(anonymous, null, "GET", "/health/live", null).status());
        assertEquals(200, check.exchange(anonymous, null, "GET", "/health/ready", null).status());
        assertEquals(200, check.exchange(anonymous, null, "GET", "/metrics", null).status());
        assertEquals(200, check.exchange(anonymous, null, "GET", "/openapi.json", null).status());
        assertEquals(200, check.exchange(anonymous, null, "GET", "/console/", null).status());
        assertEquals(401, check.exchange(anonymous, null, "GET", "/v1/policies", null).status());
    }

    @Test
    void policiesDecisionsAndTheLogHoldToTheDocument() {
        expect(201, "PUT", "/v1/policies/payments-api", Policies.PAYMENTS_API);
        assertEquals("\"1\"", send("GET", "/v1/policies/payments-api", null).header("ETag"));
        expect(200, "PUT", "/v1/policies/payments-api", Policies.PAYMENTS_API.replace("Who may", "Who can"));
        expect(200, "GET", "/v1/policies?service=payments", null);
        expect(200, "GET", "/v1/policies/payments-api/versions", null);
        expect(200, "GET", "/v1/policies/payments-api/versions/1", null);
        expect(200, "POST", "/v1/policies/payments-api/rollback?to=1", null);
        expect(200, "POST", "/v1/policies/_validate", Policies.allow("v", "s", "a"));
        refused(422, "POST", "/v1/policies/_validate", Policies.allow("v", "s", "a").replace("\"r\"", "\"R R\""));
        String set = "{\"policies\": [" + Policies.allow("applied", "applied", "a") + "]}";
        expect(200, "POST", "/v1/policies/_apply?dryRun=true", set);
        expect(200, "POST", "/v1/policies/_apply", set);
        expect(200, "POST", "/v1/policies/_impact", set);
        expect(201, "PUT", "/v1/policies/doomed", Policies.allow("doomed", "s", "a"));
        expect(204, "DELETE", "/v1/policies/doomed", null);
        expect(404, "DELETE", "/v1/policies/doomed", null);

        String decisionId = send("POST", "/v1/check", Policies.charge(100)).json().get("decisionId").asText();
        expect(200, "POST", "/v1/check?explain=true", Policies.charge(100_000));
        expect(200, "POST", "/v1/check/batch", "{\"checks\": [" + Policies.charge(1) + "]}");
        refused(400, "POST", "/v1/check", "{\"principal\": {}}");
        refused(400, "POST", "/v1/check", "{not json");
        Eventually.await(Duration.ofSeconds(30), "the decision in the log", () ->
                admin.get("/v1/decisions/" + decisionId).status() == 200 ? true : null);
        expect(200, "GET", "/v1/decisions/" + decisionId, null);
        expect(200, "GET", "/v1/decisions?limit=2&api=check", null);
        expect(200, "GET", "/v1/decisions/stats?groupBy=policy", null);
        expect(200, "GET", "/v1/decisions/verify", null);
        expect(404, "GET", "/v1/decisions/0193c4e6-0000-7000-8000-000000000000", null);
    }

    @Test
    void theDirectoryKeysAndAuthzenHoldToTheDocument() {
        expect(200, "POST", "/v1/entities/_apply", "{\"principals\": [{\"id\": \"u1\", \"type\": \"user\", \"roles\": [\"r\"]},"
                + " {\"id\": \"u2\"}], \"resources\": [{\"service\": \"payments\", \"kind\": \"charge\", \"id\": \"c1\","
                + " \"attr\": {\"amount\": 3}}]}");
        expect(200, "GET", "/v1/entities/principals?limit=1", null);
        expect(200, "GET", "/v1/entities/principals/u1", null);
        expect(204, "DELETE", "/v1/entities/principals/u2", null);
        expect(200, "GET", "/v1/entities/resources?service=payments", null);
        expect(200, "GET", "/v1/entities/resources/payments/charge/c1", null);
        expect(204, "DELETE", "/v1/entities/resources/payments/charge/c1", null);

        expect(201, "POST", "/v1/keys", "{\"name\": \"contract-key\", \"roles\": [\"check\"]}");
        expect(200, "GET", "/v1/keys", null);
        expect(204, "DELETE", "/v1/keys/contract-key", null);

        expect(200, "GET", "/.well-known/authzen-configuration/payments", null);
        String evaluation = "{\"subject\": " + SUBJECT + ", \"action\": {\"name\": \"charges:create\"}, \"resource\": "
                + CHARGE;
        expect(200, "POST", AUTHZEN + "/evaluation", evaluation + "}");
        expect(200, "POST", AUTHZEN + "/evaluation", evaluation + ", \"options\": {\"arbiter_explain\": true}}");
        expect(200, "POST", AUTHZEN + "/evaluations", "{\"subject\": " + SUBJECT + ", \"evaluations\": [{\"action\":"
                + " {\"name\": \"charges:create\"}, \"resource\": " + CHARGE + "}, {\"resource\": " + CHARGE + "}]}");
        expect(200, "POST", AUTHZEN + "/search/subject", "{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\":"
                + " \"charges:create\"}, \"resource\": " + CHARGE + "}");
        expect(200, "POST", AUTHZEN + "/search/resource", "{\"subject\": " + SUBJECT + ", \"action\": {\"name\":"
                + " \"charges:create\"}, \"resource\": {\"type\": \"charge\"}, \"page\": {\"limit\": 1}}");
        expect(200, "POST", AUTHZEN + "/search/action", "{\"subject\": " + SUBJECT + ", \"resource\": " + CHARGE + "}");
        refused(400, "POST", AUTHZEN + "/evaluation", "{\"subject\": " + SUBJECT + "}");
    }

    @Test
    void aKeyWithoutTheRoleIsRefusedAsTheDocumentSays() {
        ApiClient checker = arbiter.clientWithRoles("contract-checker", "check");
        assertEquals(403, check.exchange(checker, null, "GET", "/v1/keys", null).status());
    }
}
