package dev.arbiter.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Asks Arbiter for decisions. Thread-safe; build one per service and share it.
 *
 * <pre>{@code
 * ArbiterClient arbiter = ArbiterClient.builder()
 *         .endpoints("http://arbiter-0:8700", "http://arbiter-1:8700")
 *         .token(System.getenv("ARBITER_TOKEN"))
 *         .build();
 * Decision decision = arbiter.check(
 *         Principal.of("spiffe://acme.prod/ns/shop/sa/checkout").attr("env", "prod"),
 *         "charges:create",
 *         Resource.of("payments", "charge", "ch_1").attr("amount", 5000).attr("env", "prod"));
 * }</pre>
 *
 * <p>Checks fail closed: when no decision can be had within the timeout they answer a deny whose
 * {@link Decision#failure()} and reason say why, unless {@link FailureMode#THROW} is chosen. Only
 * a caller's bug (a bad token, a missing role, an invalid request) throws {@link ArbiterApiException}.
 */
public final class ArbiterClient implements AutoCloseable {

    /** The largest batch the server takes. */
    public static final int MAX_BATCH = 1_000;

    private final Dispatcher dispatcher;
    private final DecisionCache cache;
    private final FailureMode failureMode;
    private final AutoCloseable probe;

    private ArbiterClient(Builder builder) {
        Transport transport = new Transport(builder.timeout);
        List<Endpoint> endpoints = new ArrayList<>();
        long openNanos = builder.breakerOpenFor.toNanos();
        for (URI uri : builder.endpoints) {
            endpoints.add(new Endpoint(uri, new EndpointHealth(builder.breakerFailures, openNanos)));
        }
        EndpointPool pool = new EndpointPool(endpoints);
        this.dispatcher = new Dispatcher(pool, transport, builder.token, builder.maxRetries, builder.timeout);
        this.cache = DecisionCache.create(builder.cache);
        this.failureMode = builder.failureMode;
        this.probe = builder.probeInterval == null ? () -> { } : new HealthProbe(pool, transport, builder.probeInterval);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Decision check(Principal principal, String action, Resource resource) {
        return check(CheckRequest.of(principal, action, resource));
    }

    public Decision check(Principal principal, String action, Resource resource, Map<String, ?> context) {
        return check(CheckRequest.of(principal, action, resource).context(context));
    }

    public Decision check(CheckRequest request) {
        return await(checkAsync(request), () -> failedClosed(interrupted()));
    }

    public CompletableFuture<Decision> checkAsync(Principal principal, String action, Resource resource) {
        return checkAsync(CheckRequest.of(principal, action, resource));
    }

    public CompletableFuture<Decision> checkAsync(Principal principal, String action, Resource resource,
            Map<String, ?> context) {
        return checkAsync(CheckRequest.of(principal, action, resource).context(context));
    }

    /**
     * The decision for {@code request}. The future never completes exceptionally for an outage
     * (unless {@link FailureMode#THROW}); it does with {@link ArbiterApiException} for a caller's bug.
     */
    public CompletableFuture<Decision> checkAsync(CheckRequest request) {
        Decision cached = cache.find(request);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return dispatcher.send(Endpoint::check, CheckCodec.encode(request), CheckCodec::decode)
                .thenApply(reply -> {
                    if (reply instanceof Reply.Decided<Decision> decided) {
                        cache.remember(request, decided.value());
                        return decided.value();
                    }
                    return failedClosed((Reply.Undecided<Decision>) reply);
                });
    }

    /** Decisions for up to {@value #MAX_BATCH} requests, in their order, in one round trip. */
    public List<Decision> checkBatch(List<CheckRequest> requests) {
        return await(checkBatchAsync(requests),
                () -> Collections.nCopies(requests.size(), failedClosed(interrupted())));
    }

    public CompletableFuture<List<Decision>> checkBatchAsync(List<CheckRequest> requests) {
        if (requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " checks, not " + requests.size());
        }
        Decision[] decisions = new Decision[requests.size()];
        List<CheckRequest> misses = new ArrayList<>();
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] = cache.find(Objects.requireNonNull(requests.get(i), "checks must not be null"));
            if (decisions[i] == null) {
                misses.add(requests.get(i));
            }
        }
        if (misses.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(decisions));
        }
        return dispatcher.send(Endpoint::batch, CheckCodec.encodeBatch(misses),
                        body -> CheckCodec.decodeBatch(body, misses.size()))
                .thenApply(reply -> {
                    Decision failure = reply instanceof Reply.Undecided<List<Decision>> undecided
                            ? failedClosed(undecided) : null;
                    List<Decision> answers = failure == null ? ((Reply.Decided<List<Decision>>) reply).value() : null;
                    int next = 0;
                    for (int i = 0; i < decisions.length; i++) {
                        if (decisions[i] == null) {
                            decisions[i] = failure != null ? failure : answers.get(next);
                            if (failure == null) {
                                cache.remember(misses.get(next), decisions[i]);
                            }
                            next++;
                        }
                    }
                    return List.of(decisions);
                });
    }

    /** Stops the health probe; pooled connections close when idle. */
    @Override
    public void close() {
        try {
            probe.close();
        } catch (Exception e) {
            throw new IllegalStateException("the health probe did not stop", e);
        }
    }

    private Decision failedClosed(Reply.Undecided<?> undecided) {
        if (failureMode == FailureMode.THROW) {
            throw new ArbiterUnavailableException(undecided.failure(), undecided.why());
        }
        return Decision.failedClosed(undecided.failure(), undecided.why() + "; denied by the client");
    }

    private static Reply.Undecided<Decision> interrupted() {
        return new Reply.Undecided<>(Decision.Failure.INTERRUPTED, "the calling thread was interrupted while it waited");
    }

    /** The future's value; exceptions of the client are rethrown as they are. */
    private static <T> T await(CompletableFuture<T> future, Supplier<T> whenInterrupted) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return whenInterrupted.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Settings of a client; only the endpoints and the token are required. */
    public static final class Builder {

        private List<URI> endpoints = List.of();
        private String token;
        private Duration timeout = Duration.ofMillis(100);
        private FailureMode failureMode = FailureMode.DENY;
        private int maxRetries = 2;
        private int breakerFailures = 3;
        private Duration breakerOpenFor = Duration.ofSeconds(1);
        private Duration probeInterval;
        private CacheSettings cache;

        private Builder() {}

        /** Base URLs of Arbiter servers, e.g. {@code http://arbiter-0:8700}. */
        public Builder endpoints(String... urls) {
            return endpoints(Arrays.asList(urls));
        }

        public Builder endpoints(List<String> urls) {
            List<URI> uris = new ArrayList<>();
            for (String url : urls) {
                uris.add(Checks.serverUrl(url));
            }
            this.endpoints = List.copyOf(uris);
            return this;
        }

        /** An API key with role {@code check}. */
        public Builder token(String token) {
            this.token = Checks.requireText(token, "token");
            return this;
        }

        /** How long a check may take in all, retries included (default 100 ms). */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
            return this;
        }

        /** Retries after a connection failure or a stale replica, within the timeout (default 2). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * An endpoint that fails {@code failures} times in a row (default 3) is not called for
         * {@code openFor} (default 1 s); then one trial call decides whether it is back. While
         * every endpoint is open, checks fail closed at once.
         */
        public Builder circuitBreaker(int failures, Duration openFor) {
            if (failures < 1) {
                throw new IllegalArgumentException("the breaker needs at least one failure to open");
            }
            this.breakerFailures = failures;
            this.breakerOpenFor = Checks.positive(openFor, "openFor");
            return this;
        }

        /** Probes every endpoint's {@code /health/ready} at this interval (default: no probes). */
        public Builder healthProbe(Duration interval) {
            this.probeInterval = Checks.positive(interval, "interval");
            return this;
        }

        /** Caches decisions (default: no cache); needs Caffeine on the class path. */
        public Builder cache(CacheSettings settings) {
            this.cache = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public ArbiterClient build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("at least one endpoint is required");
            }
            if (token == null) {
                throw new IllegalStateException("a token is required");
            }
            return new ArbiterClient(this);
        }
    }
}
