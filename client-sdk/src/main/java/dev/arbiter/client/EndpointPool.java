package dev.arbiter.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Chooses the endpoint of each call: round-robin among the healthy endpoints (spreading load and
 * keeping every pooled connection warm), else a suspect one, else the trial call of an open
 * breaker. When every breaker is open and none is due for a trial there is no endpoint: the
 * call fails fast.
 */
final class EndpointPool {

    private final List<Endpoint> endpoints;
    private final AtomicInteger next = new AtomicInteger();

    EndpointPool(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The endpoint to call, other than {@code avoid} when another is usable; null when none is. */
    Endpoint pick(Endpoint avoid, long now) {
        Endpoint chosen = choose(avoid, now);
        return chosen == null && avoid != null ? choose(null, now) : chosen;
    }

    private Endpoint choose(Endpoint avoid, long now) {
        int size = endpoints.size();
        int start = size == 1 ? 0 : Math.floorMod(next.getAndIncrement(), size);
        Endpoint suspect = null;
        for (int i = 0; i < size; i++) {
            Endpoint endpoint = endpoints.get((start + i) % size);
            if (endpoint == avoid) {
                continue;
            }
            if (endpoint.health().healthy(now)) {
                return endpoint;
            }
            if (suspect == null && endpoint.health().belowThreshold()) {
                suspect = endpoint;
            }
        }
        if (suspect != null) {
            return suspect;
        }
        for (int i = 0; i < size; i++) {
            Endpoint endpoint = endpoints.get((start + i) % size);
            if (endpoint != avoid && endpoint.health().claimTrial(now)) {
                return endpoint;
            }
        }
        return null;
    }

    /** Why no endpoint is usable, for the reason of a fast deny. */
    String describeOpen(long now) {
        long waitMillis = endpoints.stream()
                .mapToLong(endpoint -> endpoint.health().nanosUntilTrial(now)).min().orElse(0) / 1_000_000;
        return "every Arbiter endpoint failed repeatedly and its circuit breaker is open ("
                + endpoints.stream().map(endpoint -> endpoint + ": " + endpoint.health().lastFailure())
                        .collect(Collectors.joining("; "))
                + "); the next trial call is due in " + waitMillis + " ms";
    }
}
