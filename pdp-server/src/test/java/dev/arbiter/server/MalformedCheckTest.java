package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed decision requests answer 400 with the offending path; never a 5xx. */
class MalformedCheckTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient checker;

    @BeforeAll
    static void clients() {
        checker = arbiter.clientWithRoles("checker", "check");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "not JSON                 | {principal:                                                                  | malformed_json  | ``",
        "empty                    | ``                                                                           | malformed_json  | ``",
        "trailing content         | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} x | malformed_json | ``",
        "array                    | []                                                                           | invalid_request | ``",
        "missing principal        | {\"action\": \"a\", \"resource\": {\"service\": \"s\"}}                      | invalid_request | principal",
        "missing principal id     | {\"principal\": {}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}   | invalid_request | principal.id",
        "empty principal id       | {\"principal\": {\"id\": \"\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | invalid_request | principal.id",
        "numeric principal id     | {\"principal\": {\"id\": 7}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | invalid_request | principal.id",
        "missing action           | {\"principal\": {\"id\": \"x\"}, \"resource\": {\"service\": \"s\"}}         | invalid_request | action",
        "null action              | {\"principal\": {\"id\": \"x\"}, \"action\": null, \"resource\": {\"service\": \"s\"}} | invalid_request | action",
        "missing service          | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"kind\": \"k\"}} | invalid_request | resource.service",
        "roles not a list         | {\"principal\": {\"id\": \"x\", \"roles\": \"admin\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | invalid_request | principal.roles",
        "role not a string        | {\"principal\": {\"id\": \"x\", \"roles\": [1]}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | invalid_request | principal.roles[0]",
        "attr not an object       | {\"principal\": {\"id\": \"x\", \"attr\": []}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | invalid_request | principal.attr",
        "unknown top field        | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}, \"subject\": 1} | invalid_request | subject",
        "unknown resource field   | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\", \"owner\": \"y\"}} | invalid_request | resource.owner",
        "duplicate key            | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"action\": \"b\", \"resource\": {\"service\": \"s\"}} | malformed_json | ``",
        "duplicate principal id   | {\"principal\": {\"id\": \"x\", \"id\": \"y\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | malformed_json | ``",
        "duplicate resource field | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\", \"attr\": {}, \"attr\": {}}} | malformed_json | ``",
        "duplicate attribute      | {\"principal\": {\"id\": \"x\", \"attr\": {\"env\": \"dev\", \"env\": \"prod\"}}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}} | malformed_json | ``",
        "duplicate nested key     | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}, \"context\": {\"a\": [{\"k\": 1, \"k\": 2}]}} | malformed_json | ``",
        "huge integer attr        | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\", \"attr\": {\"n\": 123456789012345678901234567890}}} | invalid_request | resource.attr.n",
        "negative minRevision     | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}, \"minRevision\": -1} | invalid_request | minRevision",
        "fractional minRevision   | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}, \"minRevision\": 1.5} | invalid_request | minRevision",
        "context not an object    | {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}, \"context\": 3} | invalid_request | context",
    })
    void singleChecks(String what, String body, String code, String path) {
        ApiClient.Response response = checker.post("/v1/check", body);
        assertEquals(400, response.status(), what + ": " + response.body());
        assertEquals(code, response.errorCode(), what);
        if (!path.isEmpty()) {
            assertEquals(path, response.json().get("error").get("details").get(0).get("path").asText(), what);
        }
    }

    @Test
    void deeplyNestedAttributesAreRefused() {
        String nested = "[".repeat(100) + "]".repeat(100);
        ApiClient.Response response = checker.post("/v1/check",
                "{\"principal\": {\"id\": \"x\", \"attr\": {\"a\": " + nested + "}}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}");
        assertEquals(400, response.status(), response.body());
    }

    @Test
    void overlongStringsAreRefused() {
        ApiClient.Response response = checker.post("/v1/check", "{\"principal\": {\"id\": \"x\", \"attr\": {\"a\": \""
                + "x".repeat(17 * 1024) + "\"}}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}");
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request", response.errorCode());
    }

    @Test
    void checksHoldABoundedNumberOfValues() {
        String values = "1,".repeat(10_000) + "1";
        ApiClient.Response response = checker.post("/v1/check", "{\"principal\": {\"id\": \"x\"}, \"action\": \"a\","
                + " \"resource\": {\"service\": \"s\", \"attr\": {\"list\": [" + values + "]}}}");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.json().get("error").get("message").asText().contains("10000"));
    }

    @Test
    void aDuplicateAmongManyAttributesIsFound() {
        StringBuilder attr = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            attr.append("\"a").append(i).append("\": ").append(i).append(", ");
        }
        ApiClient.Response response = checker.post("/v1/check", "{\"principal\": {\"id\": \"x\", \"attr\": {" + attr
                + "\"a17\": 0}}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}");
        assertEquals(400, response.status(), response.body());
        assertEquals("malformed_json", response.errorCode());
        assertTrue(response.json().get("error").get("message").asText().contains("'a17'"), response.body());
    }

    @Test
    void nullOptionalFieldsTakeTheirDefaults() {
        ApiClient.Response response = checker.post("/v1/check", """
                {"principal": {"id": "x", "roles": null, "attr": null}, "action": "a",
                 "resource": {"service": "s", "kind": null, "id": null, "attr": null}, "context": null, "minRevision": null}""");
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void batchErrorsNameTheCheck() {
        ApiClient.Response response = checker.post("/v1/check/batch",
                "{\"checks\": [" + Policies.check("a", "s") + ", {\"principal\": {\"id\": \"x\"}, \"action\": \"a\", \"resource\": {}}]}");
        assertEquals(400, response.status());
        assertEquals("checks[1].resource.service", response.json().get("error").get("details").get(0).get("path").asText());
        assertEquals(400, checker.post("/v1/check/batch", "{}").status());
        assertEquals(400, checker.post("/v1/check/batch", "{\"checks\": {}}").status());
        assertEquals(400, checker.post("/v1/check/batch", "{\"checks\": [], \"more\": 1}").status());
        assertEquals(400, checker.post("/v1/check/batch", "{\"checks\": [1]}").status());
        assertEquals("malformed_json", checker.post("/v1/check/batch", "{\"checks\": [], \"checks\": []}").errorCode());
    }

    @Test
    void oversizedBodiesAre413() {
        String padding = "x".repeat(5 * 1024 * 1024);
        ApiClient.Response response = checker.post("/v1/check",
                "{\"principal\": {\"id\": \"" + padding + "\"}, \"action\": \"a\", \"resource\": {\"service\": \"s\"}}");
        assertEquals(413, response.status());
        assertEquals("payload_too_large", response.errorCode());
    }

    @Test
    void multipartBodiesAndNulInQueriesAreRefusedAndCurlFormLabelsAreReadAsJson() {
        String check = Policies.check("a", "s");
        ApiClient.Response multipart = checker.send("POST", "/v1/check", check, "Content-Type", "Multipart/Form-Data; boundary=x");
        assertEquals(415, multipart.status(), multipart.body());
        assertEquals("unsupported_media_type", multipart.errorCode());
        String withPercent = Policies.check("a%20b", "s");
        ApiClient.Response curlDefault = checker.send("POST", "/v1/check", withPercent,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, curlDefault.status(), "curl -d labels JSON as a form: " + curlDefault.body());
        ApiClient.Response nul = checker.send("POST", "/v1/check?explain=%00", check);
        assertEquals(400, nul.status(), nul.body());
        assertEquals(200, checker.post("/v1/check", check).status(), "JSON checks pass the guard");
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        ApiClient.Response unknown = checker.get("/v1/nothing-here");
        assertEquals(404, unknown.status());
        assertNotNull(unknown.errorCode());
        ApiClient.Response wrongMethod = checker.get("/v1/check");
        assertTrue(wrongMethod.status() == 405 || wrongMethod.status() == 404, wrongMethod.body());
        assertNotNull(wrongMethod.errorCode());
    }

    @Test
    void theServerStillDecidesAfterwards() {
        assertEquals(200, checker.post("/v1/check", Policies.check("a", "s")).status());
    }
}
