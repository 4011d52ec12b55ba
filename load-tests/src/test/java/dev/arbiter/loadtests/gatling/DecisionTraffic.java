package dev.arbiter.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The traffic of the simulations, each kind an open model at a constant arrival rate: single
 * checks and batches of DESIGN.md's example check (every answer must allow), and policy writes
 * that replace a second policy of the checked service, so that every write rebuilds the rule
 * table the checks are decided on.
 */
final class DecisionTraffic {

    static final int BATCH_SIZE = 100;
    static final String CHECK_REQUEST = "check";
    static final String BATCH_REQUEST = "batch of " + BATCH_SIZE;
    static final String WRITE_REQUEST = "policy write";

    private static final String CHECK = """
            {"principal": {"id": "spiffe://acme.prod/ns/shop/sa/checkout", "roles": ["service"], "attr": {"env": "prod"}},
             "action": "charges:create",
             "resource": {"service": "payments", "kind": "charge", "id": "ch_1", "attr": {"amount": 5000, "env": "prod"}},
             "context": {"sourceIp": "10.1.2.3"}}""";

    private static final String BATCH = IntStream.range(0, BATCH_SIZE).mapToObj(i -> CHECK)
            .collect(Collectors.joining(",", "{\"checks\": [", "]}"));

    /** Allows an action the checks never ask for: each write changes the payments rules, never the decision. */
    private static final String CHURN_POLICY = """
            {"service": "payments", "description": "write #{write}",
             "rules": [{"name": "probe-#{write}", "effect": "allow", "roles": ["operator"], "actions": ["probes:#{write}"],
                        "condition": "resource.attr.amount < #{write}"}]}""";

    private final LoadTarget target;
    private final LoadSettings settings;

    DecisionTraffic(LoadTarget target, LoadSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    LoadSettings settings() {
        return settings;
    }

    /** Keep-alive connections shared by all virtual users, as a service's client pool does. */
    HttpProtocolBuilder protocol() {
        return http.baseUrl(target.url())
                .warmUp(target.url() + "/health/live")
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .shareConnections();
    }

    PopulationBuilder checks(double perSecond) {
        return scenario("checks")
                .exec(http(CHECK_REQUEST).post("/v1/check")
                        .header("Authorization", "Bearer " + target.checkToken())
                        .body(StringBody(CHECK))
                        .check(status().is(200), substring("\"allow\":true").exists()))
                .injectOpen(constantUsersPerSec(perSecond).during(settings.duration()));
    }

    PopulationBuilder batches(double perSecond) {
        return scenario("batches")
                .exec(http(BATCH_REQUEST).post("/v1/check/batch")
                        .header("Authorization", "Bearer " + target.checkToken())
                        .body(StringBody(BATCH))
                        .check(status().is(200), substring("\"allow\":true").count().is(BATCH_SIZE)))
                .injectOpen(constantUsersPerSec(perSecond).during(settings.duration()));
    }

    PopulationBuilder policyWrites(double perSecond) {
        AtomicLong writes = new AtomicLong();
        return scenario("policy writes")
                .exec(session -> session.set("write", writes.incrementAndGet()))
                .exec(http(WRITE_REQUEST).put("/v1/policies/payments-churn")
                        .header("Authorization", "Bearer " + target.adminToken())
                        .body(StringBody(CHURN_POLICY))
                        .check(status().in(200, 201), header("Arbiter-Revision").exists()))
                .injectOpen(constantUsersPerSec(perSecond).during(settings.duration()));
    }

    /** No request fails, and the 99th percentile of each named request stays under the run's bound. */
    List<Assertion> assertions(String... requests) {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().failedRequests().count().is(0L));
        for (String request : requests) {
            assertions.add(details(request).responseTime().percentile(99.0).lt(settings.p99Millis()));
        }
        return assertions;
    }
}
