package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.store.model.PolicyJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters, pagination, exports and statistics over a log of known decisions. */
class DecisionLogQueryTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final int DECISIONS = 60;
    static ApiClient auditor;
    static ApiClient[] callers;
    /** Every record made by the setup, newest first, as the log answers it. */
    static List<JsonNode> records;
    /** The filter that keeps queries to the setup's records, whatever other tests add later. */
    static String setup;

    static final String ORDERS_API = """
            {"id": "orders-api", "service": "orders", "rules": [
              {"name": "readers-read", "effect": "allow", "roles": ["reader"], "actions": ["orders:read"]},
              {"name": "no-deletes", "effect": "deny", "roles": ["*"], "actions": ["orders:delete"]}]}""";

    @BeforeAll
    static void aLogOfKnownDecisions() {
        assertEquals(201, arbiter.admin().put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
        assertEquals(201, arbiter.admin().put("/v1/policies/orders-api", ORDERS_API).status());
        auditor = arbiter.clientWithRoles("auditor", "auditor");
        callers = new ApiClient[] {arbiter.clientWithRoles("caller-a", "check"), arbiter.clientWithRoles("caller-b", "check")};
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < DECISIONS; i++) {
            ids.add(callers[i % 2].post("/v1/check", check(i)).json().get("decisionId").asText());
        }
        records = Eventually.await(Duration.ofSeconds(15), "all decisions in the log", () -> {
            List<JsonNode> all = pages("/v1/decisions?limit=1000");
            return all.size() == DECISIONS ? all : null;
        });
        assertEquals(ids, records.stream().map(r -> r.get("decisionId").asText()).collect(Collectors.toSet()));
        Instant newest = Instant.parse(records.get(0).get("time").asText());
        setup = "to=" + encode(newest.plusNanos(1_000).toString());
    }

    /** Decision i: principals, services, actions, resources and callers vary with i. */
    static String check(int i) {
        String principal = "svc-" + (i % 3);
        String resource = "r" + (i % 4);
        if (i % 2 == 0) {
            String action = i % 6 == 0 ? "orders:delete" : "orders:read";
            return """
                    {"principal": {"id": "%s", "roles": ["reader"]}, "action": "%s",
                     "resource": {"service": "orders", "kind": "order", "id": "%s"}}""".formatted(principal, action, resource);
        }
        return """
                {"principal": {"id": "%s", "attr": {"env": "prod"}}, "action": "charges:create",
                 "resource": {"service": "payments", "kind": "charge", "id": "%s", "attr": {"amount": %d, "env": "prod"}}}"""
                .formatted(principal, resource, i % 5 == 0 ? 50_000 : 10);
    }

    /** Every record of a paged query, following nextCursor. */
    static List<JsonNode> pages(String path) {
        return pages(path, null);
    }

    /** Every record of a paged query after {@code cursor} (null: from the newest), following nextCursor. */
    static List<JsonNode> pages(String path, String start) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = start;
        do {
            String url = cursor == null ? path : path + (path.contains("?") ? "&" : "?") + "cursor=" + cursor;
            ApiClient.Response page = auditor.get(url);
            assertEquals(200, page.status(), page.body());
            page.json().get("decisions").forEach(all::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        return all;
    }

    static Set<String> ids(List<JsonNode> list) {
        return list.stream().map(r -> r.get("decisionId").asText()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Set<String> expected(Predicate<JsonNode> filter) {
        return ids(records.stream().filter(filter).toList());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void eachFilterSelectsExactlyItsRecords() {
        JsonNode sample = records.get(DECISIONS / 2);
        Map<String, Predicate<JsonNode>> filters = new HashMap<>();
        filters.put("principal=svc-1", r -> r.at("/principal/id").asText().equals("svc-1"));
        filters.put("service=orders", r -> r.at("/resource/service").asText().equals("orders"));
        filters.put("action=orders:delete", r -> r.get("action").asText().equals("orders:delete"));
        filters.put("allow=false", r -> !r.get("allow").asBoolean());
        filters.put("allow=true", r -> r.get("allow").asBoolean());
        filters.put("policy=orders-api", r -> r.get("policy").asText("").equals("orders-api"));
        filters.put("rule=no-deletes", r -> r.get("rule").asText("").equals("no-deletes"));
        filters.put("caller=caller-b", r -> r.get("caller").asText().equals("caller-b"));
        filters.put("resource=r2", r -> r.at("/resource/id").asText().equals("r2"));
        long latency = sample.get("latencyMicros").asLong();
        filters.put("minLatencyMicros=" + latency, r -> r.get("latencyMicros").asLong() >= latency);
        Instant time = Instant.parse(sample.get("time").asText());
        filters.put("from=" + encode(time.toString()), r -> !Instant.parse(r.get("time").asText()).isBefore(time));
        filters.put("to=" + encode(time.toString()), r -> Instant.parse(r.get("time").asText()).isBefore(time));
        filters.put("service=payments&allow=false&principal=svc-0", r -> r.at("/resource/service").asText()
                .equals("payments") && !r.get("allow").asBoolean() && r.at("/principal/id").asText().equals("svc-0"));
        for (Map.Entry<String, Predicate<JsonNode>> filter : filters.entrySet()) {
            Set<String> expected = expected(filter.getValue());
            assertFalse(expected.isEmpty(), filter.getKey() + " selects something");
            String query = filter.getKey().startsWith("to=") ? filter.getKey() : filter.getKey() + "&" + setup;
            assertEquals(expected, ids(pages("/v1/decisions?limit=7&" + query)), filter.getKey());
        }
        assertTrue(pages("/v1/decisions?principal=nobody").isEmpty());
    }

    @Test
    void pagesAreNewestFirstWithoutGapsOrRepeats() {
        List<JsonNode> paged = pages("/v1/decisions?limit=7&" + setup);
        assertEquals(DECISIONS, paged.size());
        assertEquals(DECISIONS, ids(paged).size(), "no record twice");
        List<JsonNode> sorted = new ArrayList<>(paged);
        sorted.sort(Comparator.comparing((JsonNode r) -> Instant.parse(r.get("time").asText())).reversed());
        assertEquals(ids(sorted), ids(paged));
        ApiClient.Response firstPage = auditor.get("/v1/decisions?" + setup);
        assertEquals(DECISIONS, firstPage.json().get("decisions").size(), "the default limit is 100");
        assertTrue(firstPage.json().get("nextCursor").isNull());
    }

    @Test
    void aCursorIsStableWhileNewDecisionsArrive() {
        ApiClient late = arbiter.clientWithRoles("caller-late", "check");
        Set<String> older = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            older.add(late.post("/v1/check", check(i)).json().get("decisionId").asText());
        }
        awaitCaller("caller-late", older);
        ApiClient.Response first = auditor.get("/v1/decisions?caller=caller-late&limit=5");
        String cursor = first.json().get("nextCursor").asText();
        Set<String> newer = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            newer.add(late.post("/v1/check", check(i)).json().get("decisionId").asText());
        }
        awaitCaller("caller-late", newer);

        List<JsonNode> rest = pages("/v1/decisions?caller=caller-late&limit=4", cursor);

        older.removeAll(ids(first.json().findParents("decisionId")));
        assertEquals(older, ids(rest), "the pages after the cursor hold exactly the older records");
    }

    private static void awaitCaller(String caller, Set<String> decisionIds) {
        Eventually.await(Duration.ofSeconds(10), "the decisions of " + caller + " in the log", () ->
                ids(pages("/v1/decisions?limit=1000&caller=" + caller)).containsAll(decisionIds) ? true : null);
    }

    @Test
    void ndjsonExportStreamsEveryMatchingRecord() throws Exception {
        ApiClient.Response export = auditor.send("GET", "/v1/decisions?service=orders&limit=1&" + setup, null,
                "Accept", "application/x-ndjson");
        assertEquals(200, export.status());
        assertEquals("application/x-ndjson", export.header("Content-Type"));
        assertEquals(1, export.body().lines().count(), "limit caps an export");

        ApiClient.Response all = auditor.send("GET", "/v1/decisions?service=orders&" + setup, null,
                "Accept", "application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : all.body().split("\n")) {
            lines.add(PolicyJson.MAPPER.readTree(line));
        }
        assertEquals(expected(r -> r.at("/resource/service").asText().equals("orders")), ids(lines));
        Map<String, JsonNode> byId = records.stream().collect(Collectors.toMap(r -> r.get("decisionId").asText(), r -> r));
        for (JsonNode line : lines) {
            assertEquals(byId.get(line.get("decisionId").asText()), line, "the same record as the JSON API");
        }
    }

    @Test
    void csvExportHasAHeaderAndOneQuotedLinePerRecord() {
        ApiClient.Response export = auditor.send("GET", "/v1/decisions?allow=false&" + setup, null,
                "Accept", "text/csv");
        assertEquals(200, export.status());
        assertEquals("text/csv; charset=utf-8", export.header("Content-Type"));
        List<List<String>> rows = Csv.parse(export.body());
        assertEquals(List.of("decisionId", "time", "principalId", "principalRoles", "action", "resourceService",
                "resourceKind", "resourceId", "allow", "policy", "rule", "revision", "reason", "caller",
                "latencyMicros", "input", "shadow", "api", "traceId"), rows.get(0));
        Map<String, JsonNode> byId = records.stream().collect(Collectors.toMap(r -> r.get("decisionId").asText(), r -> r));
        assertEquals(expected(r -> !r.get("allow").asBoolean()),
                rows.subList(1, rows.size()).stream().map(row -> row.get(0)).collect(Collectors.toSet()));
        for (List<String> row : rows.subList(1, rows.size())) {
            JsonNode record = byId.get(row.get(0));
            assertEquals(19, row.size());
            assertEquals(record.get("time").asText(), row.get(1));
            assertEquals(record.at("/principal/roles").toString(), row.get(3));
            assertEquals("false", row.get(8));
            assertEquals(record.get("policy").asText(""), row.get(9));
            assertEquals(record.get("reason").asText(), row.get(12));
            assertEquals(record.get("input").toString(), row.get(15), "input is the JSON text");
            assertEquals("", row.get(16));
            assertEquals(record.get("api").asText(), row.get(17));
            assertEquals(record.get("traceId").asText(""), row.get(18));
        }
    }

    @Test
    void acceptChoosesTheFormatByPreference() {
        assertEquals("text/csv; charset=utf-8", auditor.send("GET", "/v1/decisions", null,
                "Accept", "application/json;q=0.5, text/csv").header("Content-Type"));
        assertEquals("application/json", auditor.send("GET", "/v1/decisions", null,
                "Accept", "text/html, */*;q=0.1").header("Content-Type"));
        ApiClient.Response refused = auditor.send("GET", "/v1/decisions", null, "Accept", "text/html");
        assertEquals(406, refused.status());
        assertEquals("not_acceptable", refused.errorCode());
    }

    @Test
    void statisticsCountAllowAndDenyPerGroupAndBucket() {
        for (String groupBy : new String[] {"service", "principal", "policy", "rule"}) {
            ApiClient.Response stats = auditor.get("/v1/decisions/stats?groupBy=" + groupBy + "&bucket=day&from="
                    + encode(Instant.now().minus(Duration.ofDays(2)).toString()) + "&" + setup);
            assertEquals(200, stats.status(), stats.body());
            Map<String, long[]> counted = new HashMap<>();
            for (JsonNode row : stats.json().get("counts")) {
                long[] sum = counted.computeIfAbsent(row.get("key").asText("<none>"), key -> new long[2]);
                sum[0] += row.get("allow").asLong();
                sum[1] += row.get("deny").asLong();
            }
            Map<String, long[]> expected = new HashMap<>();
            for (JsonNode record : records) {
                long[] sum = expected.computeIfAbsent(key(record, groupBy), key -> new long[2]);
                sum[record.get("allow").asBoolean() ? 0 : 1]++;
            }
            assertEquals(expected.keySet(), counted.keySet(), groupBy);
            expected.forEach((key, sum) -> assertEquals(List.of(sum[0], sum[1]),
                    List.of(counted.get(key)[0], counted.get(key)[1]), groupBy + " " + key));
            assertFalse(stats.json().get("truncated").asBoolean());
        }
    }

    @Test
    void statisticsTakeTheFilters() {
        JsonNode counts = auditor.get("/v1/decisions/stats?groupBy=service&service=payments&allow=false&"
                + setup).json().get("counts");
        long denied = 0;
        for (JsonNode row : counts) {
            assertEquals("payments", row.get("key").asText());
            assertEquals(0, row.get("allow").asLong());
            denied += row.get("deny").asLong();
        }
        assertEquals(expected(r -> r.at("/resource/service").asText().equals("payments")
                && !r.get("allow").asBoolean()).size(), denied);
    }

    private static String key(JsonNode record, String groupBy) {
        return switch (groupBy) {
            case "service" -> record.at("/resource/service").asText();
            case "principal" -> record.at("/principal/id").asText();
            case "policy" -> record.get("policy").asText("<none>");
            default -> record.get("policy").isNull() ? "<none>"
                    : record.get("policy").asText() + "/" + record.get("rule").asText();
        };
    }

    @Test
    void theChainVerifies() {
        JsonNode report = auditor.get("/v1/decisions/verify").json();
        assertTrue(report.get("valid").asBoolean(), report.toString());
        assertTrue(report.get("records").asLong() >= DECISIONS);
        assertNotNull(report.at("/head/hash").asText(null));
        assertTrue(report.get("firstBreak").isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/decisions?from=yesterday                         | from",
        "/v1/decisions?to=2026-13-01                          | to",
        "/v1/decisions?from=2026-11-22&to=2026-11-22           | from",
        "/v1/decisions?from=2026-11-23T00:00:00Z&to=2026-11-22 | from",
        "/v1/decisions?from=10000-01-01T00:00:00Z               | from",
        "/v1/decisions?allow=yes                              | allow",
        "/v1/decisions?allow=                                 | allow",
        "/v1/decisions?limit=0                                | limit",
        "/v1/decisions?limit=1001                             | limit",
        "/v1/decisions?limit=ten                              | limit",
        "/v1/decisions?minLatencyMicros=-1                    | minLatencyMicros",
        "/v1/decisions?minLatencyMicros=1.5                   | minLatencyMicros",
        "/v1/decisions?cursor=not-a-cursor                    | cursor",
        "/v1/decisions?cursor=AQAGYN6y2L56AaIDw0nrcXyQqgM     | cursor",
        "/v1/decisions?principle=svc-1                        | principle",
        "/v1/decisions?api=authz                              | api",
        "/v1/decisions?traceId=4BF92F3577B34DA6A3CE929D0E0E4736 | traceId",
        "/v1/decisions?principal=a&principal=b                | principal",
        "/v1/decisions?groupBy=service                        | groupBy",
        "/v1/decisions/stats                                  | groupBy",
        "/v1/decisions/stats?groupBy=kind                     | groupBy",
        "/v1/decisions/stats?groupBy=service&bucket=week      | bucket",
        "/v1/decisions/stats?groupBy=service&bucket=minute&from=2026-01-01 | bucket",
        "/v1/decisions/stats?groupBy=service&limit=5          | limit",
        "/v1/decisions/stats?groupBy=rule&from=2030-01-01     | from",
        "/v1/decisions/verify?from=now                        | from",
        "/v1/decisions/verify?from=2026-11-22&to=2026-11-21    | from",
        "/v1/decisions/verify?service=orders                  | service",
    })
    void malformedQueriesAre400sNamingTheParameter(String path, String parameter) {
        int before = pages("/v1/decisions?limit=1000").size();
        ApiClient.Response response = auditor.get(path);
        assertEquals(400, response.status(), path + ": " + response.body());
        assertEquals("invalid_request", response.errorCode());
        assertEquals(parameter, response.json().at("/error/details/0/path").asText(), path);
        assertEquals(before, pages("/v1/decisions?limit=1000").size(), "nothing stored changed");
    }

    @Test
    void aPlusSignThatWasNotEncodedStillReadsAsAnOffset() {
        assertEquals(200, auditor.get("/v1/decisions?from=2026-01-01T00:00:00+01:00").status());
    }

    /** A small RFC 4180 reader for the export's checks. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
