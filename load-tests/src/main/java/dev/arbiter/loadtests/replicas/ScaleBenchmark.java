package dev.arbiter.loadtests.replicas;

import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.model.Effect;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.PolicyMode;
import dev.arbiter.store.model.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * A large store: {@code services} policies of {@code rules} rules each, one policy per service,
 * every condition distinct (the worst case for compilation) or all alike. Measures the cold start
 * of a replica (migrations, loading, compiling), its heap per rule, and the latency of replacing
 * one policy through the API (write, catch-up, recompile of that policy, snapshot swap).
 *
 * <p>Usage: {@code ScaleBenchmark [services=10000] [rules=10] [distinct|alike]}
 */
public final class ScaleBenchmark {

    private static final int UPDATES = 100;

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean distinct = args.length <= 2 || args[2].equals("distinct");
        try (SharedDatabase database = SharedDatabase.start()) {
            fill(database, services, rules, distinct);
            long heapBefore = Measures.usedHeapAfterGc();
            long started = System.nanoTime();
            try (Replica replica = Replica.start(database.url())) {
                double startSeconds = (System.nanoTime() - started) / 1e9;
                long heapAfter = Measures.usedHeapAfterGc();
                System.out.printf("%d services x %d rules (%s conditions): cold start %.1f s, heap %.0f MiB"
                                + " (%.0f bytes per rule)%n", services, rules, distinct ? "distinct" : "alike",
                        startSeconds, heapAfter / 1048576.0, (heapAfter - heapBefore) / (double) (services * rules));
                reportUpdates(replica, services, rules, distinct);
            }
        }
    }

    /** Writes the store; the policies written are garbage afterwards, so the heap counts only the replica's. */
    private static void fill(SharedDatabase database, int services, int rules, boolean distinct) {
        List<Policy> policies = new ArrayList<>(services);
        for (int s = 0; s < services; s++) {
            policies.add(policy(s, rules, distinct, 0));
        }
        new PolicyRepository(database.dataSource()).apply(PolicyBundle.ofPolicies(policies), OptionalLong.empty(),
                "benchmark");
    }

    private static void reportUpdates(Replica replica, int services, int rules, boolean distinct) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < UPDATES; i++) {
            int service = (i * 7919) % services;
            String body = PolicyJson.toDocument(policy(service, rules, distinct, i + 1));
            long start = System.nanoTime();
            int status = replica.send("PUT", "/v1/policies/policy-" + service, body).statusCode();
            latencies.add(System.nanoTime() - start);
            if (status != 200) {
                throw new IllegalStateException("the update answered " + status);
            }
        }
        Collections.sort(latencies);
        System.out.printf("replacing one policy through the API (write, load, compile, swap): p50 %.2f ms, p90 %.2f ms"
                + " over %d updates%n", latencies.get(UPDATES / 2) / 1e6, latencies.get(UPDATES * 9 / 10) / 1e6, UPDATES);
    }

    /** Policy {@code s}: rules alike in shape to DESIGN.md's example, with a condition each. */
    private static Policy policy(int s, int rules, boolean distinct, int generation) {
        List<Rule> list = new ArrayList<>(rules);
        for (int r = 0; r < rules; r++) {
            long limit = distinct ? 1000L * s + r + 1_000_000L * generation : 1000L * r;
            list.add(new Rule("rule-" + r, r % 3 == 0 ? Effect.DENY : Effect.ALLOW,
                    List.of("spiffe://acme.prod/ns/team" + r + "/sa/*"), List.of("role-" + r),
                    List.of("resource" + r + ":read", "resource" + r + ":write"), List.of("kind-" + r),
                    "resource.attr.amount <= " + limit + " && principal.attr.env == resource.attr.env"));
        }
        return new Policy("policy-" + s, "service-" + s, "", PolicyMode.ENFORCE, list);
    }
}
