package dev.arbiter.server.authzen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.LoggedRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AuthZEN 1.0 certification scenario ({@code ../shared/authzen/certification-scenario.md})
 * against Arbiter loaded with {@code examples/authzen-certification}: the fixture's eight
 * decisions, batches, searches and their paging, the 400s, headers and metadata.
 */
class AuthzenCertificationTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final String PDP = "/authzen/certification/access/v1/";
    static ApiClient pep;

    @BeforeAll
    static void loadTheFixture() {
        pep = Interop.load(arbiter.server(), "authzen-certification");
    }

    private static ApiClient.Response post(String endpoint, String body) {
        return pep.send("POST", PDP + endpoint, body, "Content-Type", "application/json");
    }

    private static boolean decision(String body) {
        ApiClient.Response answer = post("evaluation", body);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.json().size(), "the answer is {\"decision\": b} exactly: " + answer.body());
        return answer.json().get("decision").asBoolean();
    }

    private static String check(String subject, String action, String resource) {
        return "{\"subject\": " + subject + ", \"action\": " + action + ", \"resource\": " + resource + "}";
    }

    static final String ALICE = "{\"type\": \"user\", \"id\": \"alice\"}";
    static final String BOB = "{\"type\": \"user\", \"id\": \"bob\"}";
    static final String ADMIN_BOB = "{\"type\": \"user\", \"id\": \"bob\", \"properties\": {\"role\": \"admin\"}}";
    static final String RECORD_1 = "{\"type\": \"record\", \"id\": \"record-1\"}";
    static final String ARCHIVED_2 = "{\"type\": \"record\", \"id\": \"record-2\", \"properties\": {\"status\": \"archived\"}}";
    static final String READ = "{\"name\": \"read\"}";
    static final String WRITE = "{\"name\": \"write\"}";

    @Test
    void theEightFixtureDecisions() {
        assertTrue(decision(check(ALICE, READ, RECORD_1)), "rule 1");
        assertTrue(decision(check(ALICE, WRITE, RECORD_1)), "rule 2");
        assertTrue(decision(check(BOB, READ, RECORD_1)), "rule 3");
        assertFalse(decision(check(BOB, WRITE, RECORD_1)), "rule 4");
        assertFalse(decision(check(ALICE, WRITE, ARCHIVED_2)), "rule 5");
        assertTrue(decision(check(ADMIN_BOB, WRITE, ARCHIVED_2)), "rule 6");
        assertTrue(decision(check(ALICE, "{\"name\": \"delete\", \"properties\": {\"soft\": true}}", RECORD_1)), "rule 7");
        assertFalse(decision(check(ALICE, "{\"name\": \"delete\", \"properties\": {\"soft\": false}}", RECORD_1)), "rule 8");
    }

    @Test
    void contextExtraPropertiesAndUnknownFieldsChangeNothing() {
        assertTrue(decision("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1
                + ", \"context\": {\"time\": \"2025-06-27T18:03-07:00\", \"ip\": \"192.168.1.1\"}}"));
        assertTrue(decision(check("{\"type\": \"user\", \"id\": \"alice\", \"properties\": {\"department\": \"Sales\","
                + " \"role\": \"manager\"}}", "{\"name\": \"read\", \"properties\": {\"method\": \"GET\"}}",
                "{\"type\": \"record\", \"id\": \"record-1\", \"properties\": {\"status\": \"active\", \"owner\": \"bob\"}}")));
        assertTrue(decision("{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1
                + ", \"foo\": \"bar\", \"futureField\": {\"nested\": true}}"));
        for (int i = 0; i < 5; i++) {
            assertTrue(decision(check(ALICE, READ, RECORD_1)), "idempotent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": \"read\"}}",
        "{\"subject\": {\"id\": \"alice\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\"}}",
        "{\"subject\": \"alice\", \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}, \"action\": {\"name\": 123}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "{\"subject\": {\"type\": \"user\", \"id\": \"alice\"",
        "",
    })
    void missingOrMalformedRequiredFieldsAre400s(String body) {
        ApiClient.Response refused = post("evaluation", body);
        assertEquals(400, refused.status(), body + " -> " + refused.body());
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIs400() {
        assertEquals(400, pep.send("POST", PDP + "evaluation", check(ALICE, READ, RECORD_1), "Content-Type",
                "text/plain").status());
    }

    @Test
    void theRequestIdIsEchoedOnAnswersAndErrors() {
        ApiClient.Response answer = pep.send("POST", PDP + "evaluation", check(ALICE, READ, RECORD_1),
                "Content-Type", "application/json", "X-Request-ID", "bfe9eb29-ab87-4ca3-be83-a1d5d8305716");
        assertEquals("bfe9eb29-ab87-4ca3-be83-a1d5d8305716", answer.header("X-Request-ID"));
        ApiClient.Response error = pep.send("POST", PDP + "evaluation", "{}", "Content-Type", "application/json",
                "X-Request-ID", "r-2");
        assertEquals(400, error.status());
        assertEquals("r-2", error.header("X-Request-ID"));
        assertEquals("application/json", answer.header("Content-Type"));
    }

    @Test
    void batchesFollowTheDefaultsTheOrderAndEachItemsOwnFailure() {
        assertEquals("[{\"decision\":true},{\"decision\":false}]", evaluations("""
                {"subject": {"type": "user", "id": "bob"}, "resource": {"type": "record", "id": "record-1"},
                 "evaluations": [{"action": {"name": "read"}}, {"action": {"name": "write"}}]}"""));
        assertEquals("[{\"decision\":true},{\"decision\":false}]", evaluations("""
                {"subject": {"type": "user", "id": "alice"}, "action": {"name": "write"},
                 "evaluations": [{"resource": {"type": "record", "id": "record-1", "properties": {"status": "active"}}},
                                 {"resource": {"type": "record", "id": "record-2", "properties": {"status": "archived"}}}]}"""));
        assertEquals("[{\"decision\":false},{\"decision\":true}]", evaluations("""
                {"action": {"name": "write"}, "resource": {"type": "record", "id": "record-2", "properties": {"status": "archived"}},
                 "evaluations": [{"subject": {"type": "user", "id": "alice"}},
                                 {"subject": {"type": "user", "id": "bob", "properties": {"role": "admin"}}}]}"""));
        assertEquals("[{\"decision\":true},{\"decision\":false}]", evaluations("""
                {"subject": {"type": "user", "id": "alice"}, "action": {"name": "write"},
                 "resource": {"type": "record", "id": "record-1", "properties": {"status": "active"}},
                 "evaluations": [{}, {"resource": {"type": "record", "id": "record-2", "properties": {"status": "archived"}}}]}"""));

        JsonNode failed = post("evaluations", """
                {"subject": {"type": "user", "id": "alice"}, "action": {"name": "read"},
                 "options": {"evaluations_semantic": "execute_all"},
                 "evaluations": [{"resource": {"type": "record", "id": "record-1"}}, {}]}""").json();
        assertTrue(failed.at("/evaluations/0/decision").asBoolean());
        assertFalse(failed.at("/evaluations/1/decision").asBoolean());
        assertTrue(failed.at("/evaluations/1/context/error/message").asText().contains("resource"));

        assertEquals("{\"decision\":true}", post("evaluations", check(ALICE, READ, RECORD_1)).body(),
                "without evaluations, the single evaluation's answer");
        assertEquals("{\"decision\":true}", post("evaluations", "{\"subject\": " + ALICE + ", \"action\": " + READ
                + ", \"resource\": " + RECORD_1 + ", \"evaluations\": []}").body());
    }

    @Test
    void shortCircuitSemanticsStopAtTheFirstDenyOrPermit() {
        String three = """
                {"subject": {"type": "user", "id": "bob"}, "resource": {"type": "record", "id": "record-1"},
                 "options": {"evaluations_semantic": "%s"},
                 "evaluations": [{"action": {"name": "read"}}, {"action": {"name": "write"}}, {"action": {"name": "read"}}]}""";
        assertEquals("[{\"decision\":true},{\"decision\":false}]", evaluations(three.formatted("deny_on_first_deny")));
        assertEquals("[{\"decision\":true}]", evaluations(three.formatted("permit_on_first_permit")));
        assertEquals("[{\"decision\":true},{\"decision\":false},{\"decision\":true}]",
                evaluations(three.formatted("execute_all")));
        assertEquals(400, post("evaluations", three.formatted("all_at_random")).status());
    }

    private static String evaluations(String body) {
        ApiClient.Response answer = post("evaluations", body);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("evaluations").toString();
    }

    @Test
    void searchesFindTheFixtureAndOnlyEntitiesOfTheTypeAskedFor() {
        assertEquals(List.of("alice", "bob"), ids(post("search/subject",
                "{\"subject\": {\"type\": \"user\"}, \"action\": " + READ + ", \"resource\": " + RECORD_1 + "}")));
        assertEquals(List.of("alice", "bob"), ids(post("search/subject",
                "{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": " + RECORD_1 + "}")),
                "a subject id in a subject search is ignored");
        assertTrue(ids(post("search/resource", "{\"subject\": " + ALICE + ", \"action\": " + READ
                + ", \"resource\": {\"type\": \"record\"}}")).contains("record-1"));
        assertEquals(List.of("read", "write"), names(post("search/action", "{\"subject\": " + ALICE
                + ", \"resource\": " + RECORD_1 + "}")));
        assertEquals(List.of("bob"), ids(post("search/subject", "{\"subject\": {\"type\": \"user\"}, \"action\": "
                + WRITE + ", \"resource\": " + ARCHIVED_2 + "}")), "S4");
        assertEquals(List.of("record-2"), ids(post("search/resource", "{\"subject\": " + ADMIN_BOB + ", \"action\": "
                + WRITE + ", \"resource\": {\"type\": \"record\"}}")), "S5");
        assertTrue(names(post("search/action", "{\"subject\": " + ADMIN_BOB + ", \"resource\": " + ARCHIVED_2
                + "}")).contains("write"), "S6");
    }

    @Test
    void unknownEntitiesAndTypesFindNothingRatherThanFail() {
        assertEquals(List.of(), names(post("search/action", "{\"subject\": {\"type\": \"user\", \"id\": \"nonexistent-user\"},"
                + " \"resource\": " + RECORD_1 + "}")));
        assertEquals(List.of(), ids(post("search/subject", "{\"subject\": {\"type\": \"spaceship\"}, \"action\": " + READ
                + ", \"resource\": " + RECORD_1 + "}")));
    }

    @Test
    void searchesPageWithAnOpaqueTokenEndingEmpty() {
        String search = "{\"subject\": {\"type\": \"user\"}, \"action\": " + READ + ", \"resource\": " + RECORD_1
                + ", \"page\": %s}";
        JsonNode first = post("search/subject", search.formatted("{\"limit\": 1}")).json();
        assertEquals(1, first.get("results").size());
        String token = first.at("/page/next_token").asText();
        assertFalse(token.isEmpty());
        JsonNode second = post("search/subject", search.formatted("{\"token\": \"" + token + "\", \"limit\": 1}")).json();
        assertEquals(1, second.get("results").size());
        assertFalse(first.get("results").equals(second.get("results")));
        JsonNode last = post("search/subject", search.formatted("{\"token\": \"" + second.at("/page/next_token").asText()
                + "\", \"limit\": 1}")).json();
        assertEquals(0, last.get("results").size());
        assertEquals("", last.at("/page/next_token").asText(), "an empty next_token ends the result set");
        assertEquals(400, post("search/subject", search.formatted("{\"token\": \"not-a-token\"}")).status());
        assertEquals(400, post("search/resource", "{\"subject\": " + ALICE + ", \"action\": " + READ
                + ", \"resource\": {\"type\": \"record\"}, \"page\": {\"token\": \"" + token + "\"}}").status(),
                "a token of another request");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "search/subject|{\"subject\": {\"type\": \"user\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
        "search/resource|{\"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\"}}",
        "search/action|{\"subject\": {\"type\": \"user\", \"id\": \"alice\"}}",
        "search/subject|{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\"}}",
        "search/resource|{\"subject\": {\"type\": \"user\"}, \"action\": {\"name\": \"read\"}, \"resource\": {\"type\": \"record\"}}",
        "search/action|{\"subject\": {\"type\": \"user\"}, \"resource\": {\"type\": \"record\", \"id\": \"record-1\"}}",
    })
    void searchesMissingAnInputAre400s(String endpointAndBody) {
        String[] parts = endpointAndBody.split("\\|", 2);
        assertEquals(400, post(parts[0], parts[1]).status(), endpointAndBody);
    }

    @Test
    void theMetadataNamesThisPdpsEndpoints() {
        ApiClient.Response metadata = arbiter.server().client(null).get("/.well-known/authzen-configuration/certification");
        assertEquals(200, metadata.status());
        assertEquals("application/json", metadata.header("Content-Type"));
        String base = metadata.json().get("policy_decision_point").asText();
        assertTrue(base.endsWith("/authzen/certification"), base);
        assertEquals(base + "/access/v1/evaluation", metadata.json().get("access_evaluation_endpoint").asText());
        assertEquals(base + "/access/v1/search/action", metadata.json().get("search_action_endpoint").asText());
    }

    @Test
    void everyEvaluationIsALoggedDecision() {
        String decisionId = post("evaluation", "{\"subject\": " + ALICE + ", \"action\": " + READ + ", \"resource\": "
                + RECORD_1 + ", \"options\": {\"arbiter_explain\": true}}").json().at("/context/decisionId").asText();
        JsonNode record = LoggedRecords.await(arbiter.admin(), decisionId,
                Duration.ofSeconds(10));
        assertEquals("authzen", record.get("api").asText());
        assertEquals("certification", record.at("/resource/service").asText());
        assertEquals("user", record.at("/input/principal/type").asText());
    }

    private static List<String> ids(ApiClient.Response answer) {
        assertEquals(200, answer.status(), answer.body());
        List<String> ids = new ArrayList<>();
        answer.json().get("results").forEach(result -> ids.add(result.get("id").asText()));
        ids.sort(String::compareTo);
        return ids;
    }

    private static List<String> names(ApiClient.Response answer) {
        assertEquals(200, answer.status(), answer.body());
        List<String> names = new ArrayList<>();
        answer.json().get("results").forEach(result -> names.add(result.get("name").asText()));
        names.sort(String::compareTo);
        return names;
    }
}
