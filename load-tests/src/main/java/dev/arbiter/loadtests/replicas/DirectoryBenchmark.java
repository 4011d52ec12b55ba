package dev.arbiter.loadtests.replicas;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A large directory: {@code entries} entries, half principals and half resources, four attributes
 * each, written through the API in {@code _apply} calls of 100,000. Measures each apply, the cold
 * start of a second replica that loads it all, that replica's heap per entry, and how long one
 * changed entry takes to be decided on by the second replica.
 *
 * <p>Usage: {@code DirectoryBenchmark [entries=1000000] [changes=200]}
 */
public final class DirectoryBenchmark {

    private static final int PER_APPLY = 100_000;
    private static final String[] REGIONS = {"eu", "us", "apac"};
    private static final String POLICY = """
            {"id": "documents", "service": "docs", "rules": [
              {"name": "staff-read-their-region", "effect": "allow", "roles": ["staff"], "actions": ["docs:read"],
               "kinds": ["document"], "condition": "principal.attr.region == resource.attr.region && principal.attr.level >= 2"}]}""";

    private DirectoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (SharedDatabase database = SharedDatabase.start(); Replica writer = Replica.start(database.url())) {
            expect(writer.send("PUT", "/v1/policies/documents", POLICY), 201);
            fill(writer, entries / 2);
            long heapBefore = Measures.usedHeapAfterGc();
            long started = System.nanoTime();
            try (Replica reader = Replica.start(database.url())) {
                double startSeconds = (System.nanoTime() - started) / 1e9;
                long heap = Measures.usedHeapAfterGc() - heapBefore;
                System.out.printf("cold start of a replica with %,d entries: %.1f s; its heap %.0f MiB, %.0f bytes"
                        + " per entry%n", entries, startSeconds, heap / 1048576.0, heap / (double) entries);
                propagate(writer, reader, changes);
            }
        }
    }

    /** Writes {@code half} principals, then as many resources, {@value #PER_APPLY} to an apply. */
    private static void fill(Replica writer, int half) throws Exception {
        List<Long> applies = new ArrayList<>();
        for (String section : List.of("principals", "resources")) {
            for (int from = 0; from < half; from += PER_APPLY) {
                StringBuilder body = new StringBuilder(PER_APPLY * 160).append("{\"").append(section).append("\": [");
                for (int i = from; i < Math.min(half, from + PER_APPLY); i++) {
                    body.append(i == from ? "" : ",").append(section.equals("principals") ? principal(i, 3) : resource(i));
                }
                long start = System.nanoTime();
                expect(writer.send("POST", "/v1/entities/_apply", body.append("]}").toString()), 200);
                applies.add(System.nanoTime() - start);
            }
        }
        Collections.sort(applies);
        System.out.printf("%d applies of up to %,d entries: p50 %.1f s, max %.1f s%n", applies.size(), PER_APPLY,
                Measures.millis(applies, 0.5) / 1000, applies.get(applies.size() - 1) / 1e9);
    }

    private static String principal(int i, int level) {
        return """
                {"id": "user-%07d", "type": "user", "roles": ["staff", "team-%d"],
                 "attr": {"department": "dept-%d", "level": %d, "active": %b, "region": "%s"}}"""
                .formatted(i, i % 100, i % 40, level, i % 10 != 0, REGIONS[i % 3]);
    }

    private static String resource(int i) {
        return """
                {"service": "docs", "kind": "document", "id": "doc-%07d",
                 "attr": {"owner": "user-%07d", "classification": "c-%d", "size": %d, "region": "%s"}}"""
                .formatted(i, i, i % 3, i * 17, REGIONS[i % 3]);
    }

    /**
     * Changes the level of one principal through the writer, alternately below and above what the
     * policy requires, and asks the reader until its answer follows; the delay runs from the
     * apply's answer to the first answer that shows the change.
     */
    private static void propagate(Replica writer, Replica reader, int changes) throws Exception {
        String check = """
                {"principal": {"id": "user-0000000"}, "action": "docs:read",
                 "resource": {"service": "docs", "kind": "document", "id": "doc-0000000"}}""";
        List<Long> delays = new ArrayList<>();
        for (int i = -20; i < changes; i++) {
            boolean allows = i % 2 == 0;
            expect(writer.send("POST", "/v1/entities/_apply",
                    "{\"principals\": [" + principal(0, allows ? 3 : 1) + "]}"), 200);
            long written = System.nanoTime();
            while (reader.send("POST", "/v1/check", check).body().contains("\"allow\":true") != allows) {
                Thread.onSpinWait();
            }
            if (i >= 0) {
                delays.add(System.nanoTime() - written);
            }
        }
        Collections.sort(delays);
        System.out.printf("one entry changed, decided on by the other replica, over %d changes: p50 %.2f ms,"
                        + " p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", changes, Measures.millis(delays, 0.50),
                Measures.millis(delays, 0.90), Measures.millis(delays, 0.99), delays.get(delays.size() - 1) / 1e6);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
