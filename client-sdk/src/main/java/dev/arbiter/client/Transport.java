package dev.arbiter.client;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK HTTP client, HTTP/1.1 with keep-alive: connections are pooled per endpoint and reused
 * by every call. Every exchange completes within its timeout, headers and body together.
 */
final class Transport {

    private final HttpClient http;

    Transport(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code request} (whose own timeout bounds the wait for the headers) and answers its
     * outcome; never completes exceptionally. {@code timeout} bounds the whole exchange, so a
     * peer that sends headers and then stalls cannot hold the caller.
     */
    CompletableFuture<Exchange> send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        return sent.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((response, error) -> {
            if (error == null) {
                return new Exchange.Answered(response.statusCode(), response.headers(), response.body());
            }
            sent.cancel(true);
            return failed(request, timeout, error);
        });
    }

    private static Exchange failed(HttpRequest request, Duration timeout, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String where = request.uri().getScheme() + "://" + request.uri().getAuthority();
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new Exchange.Failed(Decision.Failure.TIMEOUT,
                    "no answer from " + where + " within " + timeout.toMillis() + " ms");
        }
        return new Exchange.Failed(Decision.Failure.CONNECTION_FAILED,
                "could not reach " + where + ": " + describe(cause));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
