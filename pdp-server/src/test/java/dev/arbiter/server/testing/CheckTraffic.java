package dev.arbiter.server.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks sent one after another from a background thread, as a service would, collecting the
 * decision id of every answer; any answer but 200 stops the traffic and is reported.
 */
public final class CheckTraffic implements AutoCloseable {

    private final ApiClient client;
    private final String body;
    private final List<String> decisionIds = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String failure;

    private CheckTraffic(ApiClient client, String body) {
        this.client = client;
        this.body = body;
        this.thread = new Thread(this::send, "check-traffic");
    }

    public static CheckTraffic start(ApiClient client, String body) {
        CheckTraffic traffic = new CheckTraffic(client, body);
        traffic.thread.start();
        return traffic;
    }

    private void send() {
        while (running.get()) {
            ApiClient.Response response = client.post("/v1/check", body);
            if (response.status() != 200) {
                failure = response.status() + " " + response.body();
                return;
            }
            synchronized (decisionIds) {
                decisionIds.add(response.json().get("decisionId").asText());
            }
        }
    }

    public int count() {
        synchronized (decisionIds) {
            return decisionIds.size();
        }
    }

    /** Waits until {@code more} decisions beyond the current count were answered. */
    public void awaitMore(int more) {
        int target = count() + more;
        Eventually.await(Duration.ofSeconds(60), target + " decisions answered", () -> {
            if (failure != null) {
                throw new AssertionError("a check failed: " + failure);
            }
            return count() >= target ? true : null;
        });
    }

    /** Stops and answers every decision id answered. */
    public List<String> stop() {
        running.set(false);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new AssertionError("a check failed: " + failure);
        }
        synchronized (decisionIds) {
            return List.copyOf(decisionIds);
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}
