package dev.arbiter.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The JDK HTTP client, HTTP/1.1 with keep-alive: connections are pooled per endpoint and reused
 * by every call. Every exchange ends within its timeout, headers and body together, and comes to
 * an {@link Exchange}: exchanges never throw.
 *
 * <p>{@link #send} runs the exchange on the caller's thread (the JDK's blocking path has no
 * thread hand-off); {@link #sendAsync} completes on the JDK client's threads.
 */
final class Transport {

    private final HttpClient http;

    /** No client-wide connect timeout: each request's own timeout already covers connecting. */
    Transport() {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends {@code request}, whose own timeout must be {@code timeout}. */
    Exchange send(HttpRequest request, Duration timeout) {
        try {
            return answered(http.send(request, DeadlineBody.within(timeout)));
        } catch (IOException e) {
            return failed(request, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed(Decision.Failure.INTERRUPTED, "the calling thread was interrupted while it waited");
        }
    }

    CompletableFuture<Exchange> sendAsync(HttpRequest request, Duration timeout) {
        return http.sendAsync(request, DeadlineBody.within(timeout))
                .handle((response, error) -> error == null ? answered(response) : failed(request, timeout, error));
    }

    private static Exchange answered(HttpResponse<byte[]> response) {
        return new Exchange.Answered(response.statusCode(), response.headers(), response.body());
    }

    private static Exchange failed(HttpRequest request, Duration timeout, Throwable error) {
        String where = request.uri().getScheme() + "://" + request.uri().getAuthority();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
                return new Exchange.Failed(Decision.Failure.TIMEOUT,
                        "no answer from " + where + " within " + timeout.toMillis() + " ms");
            }
        }
        Throwable cause = error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
        String message = cause.getMessage();
        return new Exchange.Failed(Decision.Failure.CONNECTION_FAILED, "could not reach " + where + ": "
                + (message == null || message.isBlank() ? cause.getClass().getSimpleName() : message));
    }
}
