package dev.arbiter.client;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks every endpoint's {@code /health/ready} at a fixed interval, so that a dead endpoint is
 * found, and a recovered one readmitted, without spending live calls on it. A connection
 * failure or timeout counts like a failed call; a 503 (a degraded server, which still decides
 * from the policies it holds) only de-prefers the endpoint.
 */
final class HealthProbe {

    private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final EndpointPool pool;
    private final Transport transport;
    private final Duration timeout;
    private final Ticker ticker;
    private final ScheduledExecutorService scheduler;

    HealthProbe(EndpointPool pool, Transport transport, Duration interval, Ticker ticker) {
        this.pool = pool;
        this.transport = transport;
        this.ticker = ticker;
        this.timeout = interval.compareTo(MAX_PROBE_TIMEOUT) < 0 ? interval : MAX_PROBE_TIMEOUT;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arbiter-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probeAll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Probes every endpoint and waits for the answers, so no probe outlives {@link #close()}. */
    private void probeAll() {
        CompletableFuture<?>[] probes = pool.endpoints().stream().map(endpoint -> {
            HttpRequest request = HttpRequest.newBuilder(endpoint.ready()).timeout(timeout).GET().build();
            return transport.sendAsync(request, timeout).thenAccept(exchange -> record(endpoint, exchange,
                    ticker.nanos()));
        }).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(probes).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // record() never throws; a failed exchange is an answer like any other
        }
    }

    private static void record(Endpoint endpoint, Exchange exchange, long now) {
        EndpointHealth health = endpoint.health();
        if (exchange instanceof Exchange.Failed failed) {
            health.failed("readiness probe: " + failed.detail(), now);
            return;
        }
        boolean ready = ((Exchange.Answered) exchange).status() == 200;
        health.ready(ready);
        if (ready) {
            health.succeeded();
        }
    }

    /** Stops probing; returns once no probe is in flight any more (bounded by the probe timeout). */
    void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
