package dev.arbiter.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

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

    private final EndpointPool pool;
    private final Ticker ticker;
    private final Dispatcher dispatcher;
    private final DecisionCache cache;
    private final FailureMode failureMode;
    private final Runnable stopProbe;

    private ArbiterClient(Builder builder) {
        Transport transport = new Transport(builder.sslContext);
        List<Endpoint> endpoints = new ArrayList<>();
        long openNanos = builder.breakerOpenFor.toNanos();
        for (URI uri : builder.endpoints) {
            endpoints.add(new Endpoint(uri, new EndpointHealth(builder.breakerFailures, openNanos)));
        }
        this.pool = new EndpointPool(endpoints);
        this.ticker = builder.ticker;
        WarmUp.run(endpoints, transport, builder.warmUp);
        this.dispatcher = new Dispatcher(pool, transport, builder.token, builder.maxRetries, builder.timeout,
                builder.ticker);
        this.cache = DecisionCache.create(builder.cache, builder.ticker);
        this.failureMode = builder.failureMode;
        this.stopProbe = builder.probeInterval == null ? () -> { }
                : new HealthProbe(pool, transport, builder.probeInterval, builder.ticker)::close;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the client sees each endpoint now: ready, healthy, suspect or with its breaker open, and why. */
    public List<EndpointStatus> endpoints() {
        long now = ticker.nanos();
        return pool.endpoints().stream().map(endpoint -> endpoint.health().status(endpoint.toString(), now)).toList();
    }

    public Decision check(Principal principal, String action, Resource resource) {
        return check(CheckRequest.of(principal, action, resource));
    }

    public Decision check(Principal principal, String action, Resource resource, Map<String, ?> context) {
        return check(CheckRequest.of(principal, action, resource).context(context));
    }

    /**
     * The decision for {@code request}, on the calling thread. Never throws for an outage (unless
     * {@link FailureMode#THROW}); throws {@link ArbiterApiException} for a caller's bug.
     */
    public Decision check(CheckRequest request) {
        Decision cached = cache.find(request);
        if (cached != null) {
            return cached;
        }
        return decision(request, dispatcher.send(Endpoint::check, CheckCodec.encode(request), CheckCodec::decode));
    }

    /**
     * The decision for {@code request} with {@link Decision#explain()}: how every rule of the
     * policies applying to it fared (matches and condition outcomes, dry-run rules included). For
     * people debugging policies: the server evaluates every candidate's condition, and the
     * client's cache is neither read nor filled. Fails closed like {@link #check(CheckRequest)}.
     */
    public Decision explain(CheckRequest request) {
        return answer(dispatcher.send(Endpoint::explain, CheckCodec.encode(request), CheckCodec::decode));
    }

    public CompletableFuture<Decision> checkAsync(Principal principal, String action, Resource resource) {
        return checkAsync(CheckRequest.of(principal, action, resource));
    }

    public CompletableFuture<Decision> checkAsync(Principal principal, String action, Resource resource,
            Map<String, ?> context) {
        return checkAsync(CheckRequest.of(principal, action, resource).context(context));
    }

    /**
     * As {@link #check(CheckRequest)}, without blocking: the future completes on the HTTP client's
     * threads, with {@link ArbiterApiException} for a caller's bug.
     */
    public CompletableFuture<Decision> checkAsync(CheckRequest request) {
        Decision cached = cache.find(request);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return dispatcher.sendAsync(Endpoint::check, CheckCodec.encode(request), CheckCodec::decode)
                .thenApply(reply -> decision(request, reply));
    }

    /** Decisions for up to {@value #MAX_BATCH} requests, in their order, in one round trip. */
    public List<Decision> checkBatch(List<CheckRequest> requests) {
        Batch batch = new Batch(requests);
        return batch.misses.isEmpty() ? batch.complete(null)
                : batch.complete(dispatcher.send(Endpoint::batch, batch.body(), batch::decode));
    }

    public CompletableFuture<List<Decision>> checkBatchAsync(List<CheckRequest> requests) {
        Batch batch = new Batch(requests);
        return batch.misses.isEmpty() ? CompletableFuture.completedFuture(batch.complete(null))
                : dispatcher.sendAsync(Endpoint::batch, batch.body(), batch::decode).thenApply(batch::complete);
    }

    /** Stops the health probe; pooled connections close when idle. */
    @Override
    public void close() {
        stopProbe.run();
    }

    private Decision decision(CheckRequest request, Reply<Decision> reply) {
        if (reply instanceof Reply.Decided<Decision> decided) {
            cache.remember(request, decided.value());
        }
        return answer(reply);
    }

    private Decision answer(Reply<Decision> reply) {
        return reply instanceof Reply.Decided<Decision> decided ? decided.value()
                : failedClosed((Reply.Undecided<Decision>) reply);
    }

    private Decision failedClosed(Reply.Undecided<?> undecided) {
        if (failureMode == FailureMode.THROW) {
            throw new ArbiterUnavailableException(undecided.failure(), undecided.why());
        }
        return Decision.failedClosed(undecided.failure(), undecided.why() + "; denied by the client");
    }

    /** A batch's cached decisions and the checks that must be sent for the others. */
    private final class Batch {

        private final Decision[] decisions;
        private final List<CheckRequest> misses = new ArrayList<>();

        Batch(List<CheckRequest> requests) {
            if (requests.size() > MAX_BATCH) {
                throw new IllegalArgumentException("a batch holds at most " + MAX_BATCH + " checks, not "
                        + requests.size());
            }
            decisions = new Decision[requests.size()];
            for (int i = 0; i < decisions.length; i++) {
                CheckRequest request = Objects.requireNonNull(requests.get(i), "checks must not be null");
                decisions[i] = cache.find(request);
                if (decisions[i] == null) {
                    misses.add(request);
                }
            }
        }

        byte[] body() {
            return CheckCodec.encodeBatch(misses);
        }

        List<Decision> decode(byte[] body) throws MalformedAnswerException {
            return CheckCodec.decodeBatch(body, misses.size());
        }

        /** Every decision, the sent ones taken from {@code reply} (null when nothing was sent). */
        List<Decision> complete(Reply<List<Decision>> reply) {
            List<Decision> answers = reply instanceof Reply.Decided<List<Decision>> decided ? decided.value() : null;
            Decision failure = reply instanceof Reply.Undecided<List<Decision>> undecided
                    ? failedClosed(undecided) : null;
            int next = 0;
            for (int i = 0; i < decisions.length; i++) {
                if (decisions[i] == null) {
                    decisions[i] = answers == null ? failure : answers.get(next);
                    if (answers != null) {
                        cache.remember(misses.get(next), answers.get(next));
                    }
                    next++;
                }
            }
            return List.of(decisions);
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
        private Duration warmUp = WarmUp.DEFAULT_BUDGET;
        private Ticker ticker = Ticker.SYSTEM;
        private CacheSettings cache;
        private SSLContext sslContext;

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
            this.token = Checks.requireToken(token);
            return this;
        }

        /**
         * What HTTPS endpoints are trusted with and, for a server that requires mutual TLS, the
         * client certificate presented (default: the JVM's own trust, no certificate).
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
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

        /**
         * How long {@code build()} may spend readying the client before its first check (default
         * 1 s): it opens a connection to every endpoint and loads what a check runs, so that the
         * first check of a service that just started fits the check timeout like every later one.
         * An endpoint that does not answer in time is not held against it. {@link Duration#ZERO}
         * skips it.
         */
        public Builder warmUp(Duration budget) {
            if (Objects.requireNonNull(budget, "budget").isNegative()) {
                throw new IllegalArgumentException("the warm-up budget must not be negative");
            }
            this.warmUp = budget;
            return this;
        }

        /**
         * The clock of the circuit breakers and the cache (default {@link Ticker#SYSTEM}): a test
         * may move it by hand instead of waiting for a breaker to half-open or a decision to expire.
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
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
