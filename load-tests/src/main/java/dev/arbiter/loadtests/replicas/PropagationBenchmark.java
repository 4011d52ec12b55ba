package dev.arbiter.loadtests.replicas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long a policy written through one replica takes to be decided on the others: three servers
 * on one PostgreSQL; each write is a PUT on the first, then the others are asked until they allow
 * the newly allowed action. The delay runs from the PUT's answer to the first allowing answer.
 *
 * <p>Usage: {@code PropagationBenchmark [writes=200] [replicas=3]}
 */
public final class PropagationBenchmark {

    private PropagationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int replicaCount = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (SharedDatabase database = SharedDatabase.start()) {
            List<Replica> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < replicaCount; i++) {
                    replicas.add(Replica.start(database.url()));
                }
                measure(replicas, writes);
            } finally {
                replicas.forEach(Replica::close);
            }
        }
    }

    private static void measure(List<Replica> replicas, int writes) throws Exception {
        Replica writer = replicas.get(0);
        List<Long> delays = new ArrayList<>();
        for (int i = -20; i < writes; i++) {
            String action = "propagated-" + (i + 20);
            int status = writer.send("PUT", "/v1/policies/propagation", """
                    {"id": "propagation", "service": "propagation", "rules": [
                      {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""".formatted(action))
                    .statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("the write answered " + status);
            }
            long written = System.nanoTime();
            for (Replica reader : replicas.subList(1, replicas.size())) {
                while (!reader.allows(action, "propagation")) {
                    Thread.onSpinWait();
                }
                if (i >= 0) {
                    delays.add(System.nanoTime() - written);
                }
            }
        }
        Collections.sort(delays);
        System.out.printf("propagation over %d writes to %d replicas: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                writes, replicas.size() - 1, Measures.millis(delays, 0.50),
                Measures.millis(delays, 0.90), Measures.millis(delays, 0.99),
                delays.get(delays.size() - 1) / 1e6);
    }
}
