package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.PrometheusText;
import dev.arbiter.store.model.PolicyJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /metrics}: Prometheus text without a token; the series move with traffic and carry no identities. */
class MetricsApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static final String PRINCIPAL = "spiffe://acme.prod/ns/shop/sa/checkout";
    /** Every label a series may carry: none names a caller, principal, resource, path or request. */
    private static final Set<String> BOUNDED_LABELS = Set.of("api", "allow", "outcome", "kind", "version", "commit",
            "le", "quantile", "area", "id", "state", "action", "cause", "gc", "method", "code", "route", "pool_type",
            "pool_name", "name", "memory_pool", "type");

    static ApiClient checks;

    @BeforeAll
    static void policies() {
        assertEquals(201, arbiter.admin().put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
        checks = arbiter.clientWithRoles("metrics-checker", "check");
    }

    private static PrometheusText scrape() {
        ApiClient.Response response = arbiter.client(null).get("/metrics");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("text/plain; version=0.0.4"),
                response.header("Content-Type"));
        return PrometheusText.parse(response.body());
    }

    private static double decisions(PrometheusText metrics, String api, boolean allow) {
        return metrics.value("arbiter_decisions_total", Map.of("api", api, "allow", String.valueOf(allow)));
    }

    @Test
    void decisionsAreCountedByFrontDoorAndOutcome() {
        PrometheusText before = scrape();
        assertEquals(200, checks.post("/v1/check", Policies.charge(100)).status());
        assertEquals(200, checks.post("/v1/check", Policies.charge(100_000)).status());
        assertEquals(200, checks.post("/v1/check/batch", "{\"checks\": [" + Policies.charge(1) + ", "
                + Policies.charge(2) + "]}").status());
        assertEquals(200, checks.post("/authzen/payments/access/v1/evaluation", """
                {"subject": {"type": "user", "id": "%s", "properties": {"env": "prod"}},
                 "action": {"name": "charges:create"},
                 "resource": {"type": "charge", "id": "ch_2", "properties": {"amount": 5, "env": "prod"}}}"""
                .formatted(PRINCIPAL)).status());
        PrometheusText after = scrape();

        assertEquals(1, decisions(after, "check", true) - decisions(before, "check", true));
        assertEquals(1, decisions(after, "check", false) - decisions(before, "check", false));
        assertEquals(2, decisions(after, "batch", true) - decisions(before, "batch", true));
        assertEquals(1, decisions(after, "authzen", true) + decisions(after, "authzen", false)
                - decisions(before, "authzen", true) - decisions(before, "authzen", false));
        assertEquals(0, decisions(after, "ext_authz", true));
        Map<String, String> check = Map.of("api", "check");
        assertEquals(2, after.value("arbiter_decision_duration_seconds_count", check)
                - before.value("arbiter_decision_duration_seconds_count", check));
        assertEquals(after.value("arbiter_decision_duration_seconds_count", check), after.value(
                "arbiter_decision_duration_seconds_bucket", Map.of("api", "check", "le", "+Inf")));
    }

    @Test
    void aFailingConditionIsCounted() {
        double before = scrape().value("arbiter_condition_errors_total");
        // No amount: the allow rule's condition cannot be evaluated.
        assertEquals(200, checks.post("/v1/check", Policies.charge(1).replace("\"amount\": 1, ", "")).status());
        assertEquals(1, scrape().value("arbiter_condition_errors_total") - before);
    }

    @Test
    void theStateOfTheReplicaAndItsDecisionLogAreGauges() {
        assertEquals(200, arbiter.admin().post("/v1/entities/_apply",
                "{\"principals\": [{\"id\": \"p1\"}, {\"id\": \"p2\"}]}").status());
        assertEquals(200, checks.post("/v1/check", Policies.charge(3)).status());
        PrometheusText metrics = Eventually.await(Duration.ofSeconds(30), "a record written", () -> {
            PrometheusText now = scrape();
            return now.value("arbiter_decision_log_records_total", Map.of("outcome", "written")) > 0 ? now : null;
        });
        assertEquals(Policies.storeRevision(arbiter.admin()), metrics.value("arbiter_store_revision"));
        assertEquals(1, metrics.value("arbiter_policies"));
        assertEquals(2, metrics.value("arbiter_rules"));
        assertEquals(2, metrics.value("arbiter_entities", Map.of("kind", "principal")));
        assertEquals(0, metrics.value("arbiter_entities", Map.of("kind", "resource")));
        assertEquals(0, metrics.value("arbiter_decision_log_records_total", Map.of("outcome", "lost")));
        assertEquals(0, metrics.value("arbiter_decision_log_records_total", Map.of("outcome", "spilled")));
        assertTrue(metrics.value("arbiter_decision_log_queue_depth") >= 0);
        BuildInfo build = BuildInfo.current();
        assertEquals(1, metrics.value("arbiter_build_info",
                Map.of("version", build.version(), "commit", build.commit())));
    }

    @Test
    void theJvmTheProcessAndTheHttpServerAreThere() {
        checks.get("/v1/policies/some-policy-id-1234");
        PrometheusText metrics = scrape();
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
            "process_uptime_seconds", "process_files_open_files", "vertx_http_server_requests_total"}) {
            assertTrue(metrics.has(name), name);
        }
        assertTrue(metrics.samples().stream().anyMatch(sample -> sample.name().equals("vertx_http_server_requests_total")
                && sample.labels().getOrDefault("route", "").equals("/v1/policies/:id")), "route templates");
    }

    @Test
    void noLabelCarriesAnIdentityAPathOrARequest() {
        assertEquals(200, checks.post("/v1/check", Policies.charge(7)).status());
        checks.send("BREW", "/v1/coffee-pot-42", null);
        checks.get("/no/such/path/abc123");
        Set<String> labels = new TreeSet<>();
        for (PrometheusText.Sample sample : scrape().samples()) {
            labels.addAll(sample.labels().keySet());
            for (String value : sample.labels().values()) {
                assertTrue(!value.contains("spiffe") && !value.contains("ch_") && !value.contains("abc123")
                        && !value.contains("coffee") && !value.equals("BREW"), sample.toString());
            }
        }
        assertTrue(BOUNDED_LABELS.containsAll(labels), labels.toString());
    }

    @Test
    void theGrafanaDashboardChartsOnlySeriesTheServerServes() throws Exception {
        checks.get("/v1/policies");
        PrometheusText metrics = scrape();
        JsonNode dashboard = PolicyJson.MAPPER.readTree(Files.readString(Path.of("../docs/grafana-dashboard.json")));
        Set<String> charted = new TreeSet<>();
        Matcher series = Pattern.compile("\\b(?:arbiter|vertx)_[a-z_]+").matcher(dashboard.toString());
        while (series.find()) {
            charted.add(series.group());
        }
        assertTrue(charted.containsAll(Set.of("arbiter_decisions_total", "arbiter_decision_duration_seconds_bucket",
                "arbiter_condition_errors_total", "arbiter_decision_log_queue_depth",
                "arbiter_decision_log_records_total", "arbiter_store_revision")), charted.toString());
        for (String name : charted) {
            assertTrue(metrics.has(name), name + " is charted but not served");
        }
    }
}
