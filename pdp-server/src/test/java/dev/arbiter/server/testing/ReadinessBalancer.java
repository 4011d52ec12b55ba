package dev.arbiter.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer or a Kubernetes Service does with replicas: probes each one's readiness
 * every {@link #PROBE_INTERVAL} and sends checks, round robin, only to those that answered 200.
 * Senders run on their own threads; every check that is not answered 200 is kept as a failure.
 */
public final class ReadinessBalancer implements AutoCloseable {

    public static final Duration PROBE_INTERVAL = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> replicas = new CopyOnWriteArrayList<>();
    private final List<String> ready = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
    private final List<String> decisionIds = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger turn = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final String token;
    private final String check;

    private ReadinessBalancer(String token, String check) {
        this.token = token;
        this.check = check;
    }

    /** Starts probing and {@code senders} threads that send {@code check} with {@code token}. */
    public static ReadinessBalancer start(String token, String check, int senders, String... replicas) {
        ReadinessBalancer balancer = new ReadinessBalancer(token, check);
        List.of(replicas).forEach(balancer::add);
        balancer.probeAll();
        balancer.spawn("readiness-probe", balancer::probe);
        for (int i = 0; i < senders; i++) {
            balancer.spawn("balanced-checks-" + i, balancer::send);
        }
        return balancer;
    }

    /** A new replica: it gets traffic once its readiness answers 200. */
    public void add(String baseUrl) {
        replicas.add(baseUrl);
        answeredBy.putIfAbsent(baseUrl, new AtomicInteger());
    }

    private void spawn(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void probe() {
        while (running.get()) {
            probeAll();
            pause(PROBE_INTERVAL.toMillis());
        }
    }

    private void probeAll() {
        for (String replica : replicas) {
            boolean isReady = probe(replica);
            if (isReady && !ready.contains(replica)) {
                ready.add(replica);
            } else if (!isReady) {
                ready.remove(replica);
            }
        }
    }

    private boolean probe(String replica) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(replica + "/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void send() {
        while (running.get()) {
            List<String> now = List.copyOf(ready);
            if (now.isEmpty()) {
                pause(5);
                continue;
            }
            String replica = now.get(Math.floorMod(turn.getAndIncrement(), now.size()));
            ApiClient.Response answer;
            try {
                answer = new ApiClient(replica, token).post("/v1/check", check);
            } catch (IllegalStateException e) {
                failures.add(replica + ": " + e.getMessage() + " (" + e.getCause() + ")");
                continue;
            }
            if (answer.status() != 200) {
                failures.add(replica + ": " + answer.status() + " " + answer.body());
                continue;
            }
            answeredBy.get(replica).incrementAndGet();
            decisionIds.add(answer.json().get("decisionId").asText());
        }
    }

    /** How many checks {@code replica} answered so far. */
    public int answeredBy(String replica) {
        return answeredBy.get(replica).get();
    }

    public List<String> decisionIds() {
        return List.copyOf(decisionIds);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending and probing; waits for the threads. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
