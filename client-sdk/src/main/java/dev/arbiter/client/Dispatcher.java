package dev.arbiter.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends a decision request to an endpoint chosen by the pool and records what happened in that
 * endpoint's health. Retries (on another endpoint when there is one, within the caller's
 * deadline, at most {@code maxRetries} times) only when no decision can have been made: the
 * connection failed, or the replica was behind the requested {@code minRevision}. An answer is
 * never retried; a 4xx is the caller's bug and raises {@link ArbiterApiException}.
 */
final class Dispatcher {

    /** Decodes a 2xx answer. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] body) throws MalformedAnswerException;
    }

    private static final String STALE_REPLICA = "stale_replica";

    private final EndpointPool pool;
    private final Transport transport;
    private final String authorization;
    private final int maxRetries;
    private final Duration timeout;
    private final Ticker ticker;

    /** @param ticker the breakers' clock; each call's own deadline runs on the real one */
    Dispatcher(EndpointPool pool, Transport transport, String token, int maxRetries, Duration timeout, Ticker ticker) {
        this.pool = pool;
        this.transport = transport;
        this.authorization = "Bearer " + token;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.ticker = ticker;
    }

    private record Call<T>(Function<Endpoint, URI> target, byte[] body, long deadline, Decoder<T> decoder) {}

    private record Attempt(Endpoint endpoint, HttpRequest request, Duration timeout) {}

    /** What one exchange came to; {@code retryable} replies are undecided and may be tried again elsewhere. */
    private record Step<T>(Reply<T> reply, boolean retryable) {}

    /** Sends {@code body} to the {@code target} of an endpoint on the caller's thread, within the client's timeout. */
    <T> Reply<T> send(Function<Endpoint, URI> target, byte[] body, Decoder<T> decoder) {
        Call<T> call = call(target, body, decoder);
        Endpoint previous = null;
        Reply.Undecided<T> failure = null;
        for (int retry = 0; ; retry++) {
            Attempt attempt = next(call, previous);
            if (attempt == null) {
                return noAttempt(failure);
            }
            Step<T> step = handle(call, attempt.endpoint(), transport.send(attempt.request(), attempt.timeout()));
            if (!step.retryable() || retry == maxRetries) {
                return step.reply();
            }
            previous = attempt.endpoint();
            failure = (Reply.Undecided<T>) step.reply();
        }
    }

    /** As {@link #send}, completing on the HTTP client's threads. */
    <T> CompletableFuture<Reply<T>> sendAsync(Function<Endpoint, URI> target, byte[] body, Decoder<T> decoder) {
        return attemptAsync(call(target, body, decoder), null, 0, null);
    }

    private <T> CompletableFuture<Reply<T>> attemptAsync(Call<T> call, Endpoint previous, int retry,
            Reply.Undecided<T> failure) {
        Attempt attempt = next(call, previous);
        if (attempt == null) {
            return CompletableFuture.completedFuture(noAttempt(failure));
        }
        return transport.sendAsync(attempt.request(), attempt.timeout()).thenCompose(exchange -> {
            Step<T> step = handle(call, attempt.endpoint(), exchange);
            return step.retryable() && retry < maxRetries
                    ? attemptAsync(call, attempt.endpoint(), retry + 1, (Reply.Undecided<T>) step.reply())
                    : CompletableFuture.completedFuture(step.reply());
        });
    }

    private <T> Call<T> call(Function<Endpoint, URI> target, byte[] body, Decoder<T> decoder) {
        return new Call<>(target, body, System.nanoTime() + timeout.toNanos(), decoder);
    }

    /** The next attempt of {@code call}, or null when no endpoint is usable or no time is left. */
    private Attempt next(Call<?> call, Endpoint previous) {
        long remaining = call.deadline() - System.nanoTime();
        Endpoint endpoint = remaining > 0 ? pool.pick(previous, ticker.nanos()) : null;
        if (endpoint == null) {
            return null;
        }
        Duration left = Duration.ofNanos(remaining);
        HttpRequest request = HttpRequest.newBuilder(call.target().apply(endpoint))
                .timeout(left)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        return new Attempt(endpoint, request, left);
    }

    /** Why a call ends without another attempt: the last failure, else the open breakers. */
    private <T> Reply<T> noAttempt(Reply.Undecided<T> failure) {
        return failure != null ? failure
                : new Reply.Undecided<>(Decision.Failure.CIRCUIT_OPEN, pool.describeOpen(ticker.nanos()));
    }

    private <T> Step<T> handle(Call<T> call, Endpoint endpoint, Exchange exchange) {
        long now = ticker.nanos();
        if (exchange instanceof Exchange.Failed failed) {
            boolean timedOut = failed.failure() == Decision.Failure.TIMEOUT;
            String why = timedOut ? "no answer from " + endpoint + " within the client's " + timeout.toMillis()
                    + " ms timeout" : failed.detail();
            if (failed.failure() != Decision.Failure.INTERRUPTED) {
                endpoint.health().failed(why, now);
            }
            return new Step<>(new Reply.Undecided<>(failed.failure(), why),
                    failed.failure() == Decision.Failure.CONNECTION_FAILED);
        }
        Exchange.Answered answered = (Exchange.Answered) exchange;
        int status = answered.status();
        if (status >= 200 && status < 300) {
            return new Step<>(decode(call, endpoint, answered.body(), now), false);
        }
        ArbiterApiException error = ErrorAnswers.toException(status, answered.body());
        String why = "Arbiter at " + endpoint + " answered " + error.getMessage();
        if (status < 400 || status >= 500 || status == 429) {
            endpoint.health().failed(why, now);
            return new Step<>(new Reply.Undecided<>(Decision.Failure.SERVER_ERROR, why), false);
        }
        endpoint.health().succeeded();
        if (status == 409 && STALE_REPLICA.equals(error.code())) {
            return new Step<>(new Reply.Undecided<>(Decision.Failure.STALE_REPLICA, why), true);
        }
        throw error;
    }

    private static <T> Reply<T> decode(Call<T> call, Endpoint endpoint, byte[] body, long now) {
        try {
            T value = call.decoder().decode(body);
            endpoint.health().succeeded();
            return new Reply.Decided<>(value);
        } catch (MalformedAnswerException e) {
            String why = "Arbiter at " + endpoint + " answered something that is not a decision: " + e.getMessage();
            endpoint.health().failed(why, now);
            return new Reply.Undecided<>(Decision.Failure.MALFORMED_ANSWER, why);
        }
    }
}
