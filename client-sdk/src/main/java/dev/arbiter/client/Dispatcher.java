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
 * never retried; a 4xx is the caller's bug and completes the future with {@link ArbiterApiException}.
 */
final class Dispatcher {

    /** Decodes a 200 answer. */
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

    Dispatcher(EndpointPool pool, Transport transport, String token, int maxRetries, Duration timeout) {
        this.pool = pool;
        this.transport = transport;
        this.authorization = "Bearer " + token;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
    }

    /** Sends {@code body} to the {@code target} of an endpoint, within the client's timeout. */
    <T> CompletableFuture<Reply<T>> send(Function<Endpoint, URI> target, byte[] body, Decoder<T> decoder) {
        return attempt(new Call<>(target, body, System.nanoTime() + timeout.toNanos(), decoder), null, 0, null);
    }

    private record Call<T>(Function<Endpoint, URI> target, byte[] body, long deadline, Decoder<T> decoder) {}

    private <T> CompletableFuture<Reply<T>> attempt(Call<T> call, Endpoint previous, int retry,
            Reply.Undecided<T> previousFailure) {
        long now = System.nanoTime();
        Endpoint endpoint = pool.pick(previous, now);
        long remaining = call.deadline() - now;
        if (endpoint == null || remaining <= 0) {
            return done(previousFailure != null ? previousFailure
                    : endpoint == null ? new Reply.Undecided<>(Decision.Failure.CIRCUIT_OPEN, pool.describeOpen(now))
                    : new Reply.Undecided<>(Decision.Failure.TIMEOUT, timedOut("Arbiter")));
        }
        Duration left = Duration.ofNanos(remaining);
        HttpRequest request = HttpRequest.newBuilder(call.target().apply(endpoint))
                .timeout(left)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()))
                .build();
        return transport.send(request, left).thenCompose(exchange -> handle(call, endpoint, retry, exchange));
    }

    private <T> CompletableFuture<Reply<T>> handle(Call<T> call, Endpoint endpoint, int retry, Exchange exchange) {
        long now = System.nanoTime();
        if (exchange instanceof Exchange.Failed failed) {
            boolean timedOut = failed.failure() == Decision.Failure.TIMEOUT;
            String why = timedOut ? timedOut(endpoint.toString()) : failed.detail();
            endpoint.health().failed(why, now);
            Reply.Undecided<T> failure = new Reply.Undecided<>(failed.failure(), why);
            return timedOut ? done(failure) : retry(call, endpoint, retry, failure);
        }
        Exchange.Answered answered = (Exchange.Answered) exchange;
        int status = answered.status();
        if (status >= 200 && status < 300) {
            return done(decode(call, endpoint, answered.body(), now));
        }
        ArbiterApiException error = ErrorAnswers.toException(status, answered.body());
        String why = "Arbiter at " + endpoint + " answered " + error.getMessage();
        if (status < 400 || status >= 500 || status == 429) {
            endpoint.health().failed(why, now);
            return done(new Reply.Undecided<>(Decision.Failure.SERVER_ERROR, why));
        }
        endpoint.health().succeeded();
        if (status == 409 && STALE_REPLICA.equals(error.code())) {
            return retry(call, endpoint, retry, new Reply.Undecided<>(Decision.Failure.STALE_REPLICA, why));
        }
        return CompletableFuture.failedFuture(error);
    }

    private String timedOut(String where) {
        return "no answer from " + where + " within the client's " + timeout.toMillis() + " ms timeout";
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

    private <T> CompletableFuture<Reply<T>> retry(Call<T> call, Endpoint failed, int retry,
            Reply.Undecided<T> failure) {
        return retry < maxRetries ? attempt(call, failed, retry + 1, failure) : done(failure);
    }

    private static <T> CompletableFuture<Reply<T>> done(Reply<T> reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
