package dev.arbiter.client;

import java.net.http.HttpRequest;
import java.time.Duration;
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
    private final ScheduledExecutorService scheduler;

    HealthProbe(EndpointPool pool, Transport transport, Duration interval) {
        this.pool = pool;
        this.transport = transport;
        this.timeout = interval.compareTo(MAX_PROBE_TIMEOUT) < 0 ? interval : MAX_PROBE_TIMEOUT;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arbiter-health-probe");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::probeAll, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void probeAll() {
        for (Endpoint endpoint : pool.endpoints()) {
            HttpRequest request = HttpRequest.newBuilder(endpoint.ready()).timeout(timeout).GET().build();
            transport.sendAsync(request, timeout).thenAccept(exchange -> record(endpoint, exchange));
        }
    }

    private static void record(Endpoint endpoint, Exchange exchange) {
        EndpointHealth health = endpoint.health();
        if (exchange instanceof Exchange.Failed failed) {
            health.failed("readiness probe: " + failed.detail(), System.nanoTime());
            return;
        }
        boolean ready = ((Exchange.Answered) exchange).status() == 200;
        health.ready(ready);
        if (ready) {
            health.succeeded();
        }
    }

    void close() {
        scheduler.shutdownNow();
    }
}
