package dev.arbiter.server.authzen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.store.model.PolicyJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every public AuthZEN interop vector (todo, API gateway, search, IdP), replayed against Arbiter
 * loaded with {@code examples/authzen-interop}, compared as the public harness compares: a
 * decision exactly, a batch's {@code evaluations} exactly as JSON, search results sorted, exactly.
 */
class AuthzenInteropTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient pep;

    @BeforeAll
    static void loadTheScenarios() {
        pep = Interop.load(arbiter.server(), "authzen-interop");
    }

    @TestFactory
    Stream<DynamicTest> todoBackend() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("decisions-authorization-api-1_0-01.json", "decisions-authorization-api-1_0-02.json")) {
            JsonNode vectors = Interop.json(Interop.SHARED.resolve("todo-backend").resolve(file));
            tests.addAll(evaluations("todo", file, vectors.path("evaluation")));
            for (JsonNode vector : vectors.path("evaluations")) {
                tests.add(DynamicTest.dynamicTest(file + " batch " + vector.get("request"), () -> {
                    JsonNode answer = post("todo", "evaluations", vector.get("request"));
                    assertEquals(vector.get("expected").toString(), answer.get("evaluations").toString());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> apiGateway() {
        return evaluations("gateway", "api-gateways", Interop.json(Interop.SHARED.resolve("api-gateways/decisions.json"))
                .path("evaluation")).stream();
    }

    @TestFactory
    Stream<DynamicTest> searchDemo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String target : List.of("subject", "resource", "action")) {
            tests.addAll(searches(target, Interop.json(Interop.SHARED.resolve("search-demo").resolve(target)
                    .resolve("results.json")).path("evaluation")));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> identityProvider() {
        return searches("resource", Interop.json(Interop.SHARED.resolve("idp/results.json")).path("search")).stream();
    }

    private static List<DynamicTest> evaluations(String service, String name, JsonNode vectors) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : vectors) {
            tests.add(DynamicTest.dynamicTest(name + " " + vector.get("request"), () -> {
                JsonNode answer = post(service, "evaluation", vector.get("request"));
                assertEquals("{\"decision\":" + vector.get("expected").asBoolean() + "}", answer.toString());
            }));
        }
        return tests;
    }

    private static List<DynamicTest> searches(String target, JsonNode vectors) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : vectors) {
            tests.add(DynamicTest.dynamicTest(target + " search " + vector.get("request"), () -> {
                JsonNode answer = post("search", "search/" + target, vector.get("request"));
                assertEquals(sorted(vector.at("/expected/results")), sorted(answer.get("results")));
            }));
        }
        return tests;
    }

    private static JsonNode post(String service, String endpoint, JsonNode request) {
        ApiClient.Response response = pep.send("POST", "/authzen/" + service + "/access/v1/" + endpoint,
                request.toString(), "Content-Type", "application/json");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    /** Results in a fixed order, as the harness sorts them before comparing. */
    private static String sorted(JsonNode results) {
        List<JsonNode> items = new ArrayList<>();
        results.forEach(items::add);
        items.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode array = PolicyJson.MAPPER.createArrayNode();
        items.forEach(array::add);
        return array.toString();
    }
}
