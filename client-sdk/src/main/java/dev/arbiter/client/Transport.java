package dev.arbiter.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The JDK HTTP client, HTTP/1.1 with keep-alive: connections are pooled per endpoint and reused
 * by every call. Every exchange ends within its timeout, headers and body together (the
 * {@link BodyWatchdog} ends stalled bodies), and comes to an {@link Exchange}: exchanges never throw.
 *
 * <p>Only the JDK's own body handlers are used: the JDK hands any other body subscriber to its
 * executor, a thread hop per call (measured: +12 % on a loopback check, see docs/benchmarks.md).
 */
final class Transport {

    private final HttpClient http;

    /**
     * @param tls what HTTPS trusts and, for mutual TLS, the client certificate it presents; null
     *     for the JVM's default
     */
    Transport(SSLContext tls) {
        // No client-wide connect timeout: each request's own timeout already covers connecting.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /**
     * Sends {@code request} (whose own timeout must be {@code timeout}) on the caller's thread:
     * the JDK's blocking path has no thread hand-off.
     */
    Exchange send(HttpRequest request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return answered(response, readWithin(response.body(), deadline));
        } catch (IOException e) {
            return failed(request, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed(Decision.Failure.INTERRUPTED,
                    "the calling thread was interrupted while it waited");
        }
    }

    /** As {@link #send}, completing on the JDK client's threads. */
    CompletableFuture<Exchange> sendAsync(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        long deadline = System.nanoTime() + timeout.toNanos();
        BodyWatchdog.Deadline watch = BodyWatchdog.watch(deadline, () -> sent.cancel(true));
        return sent.handle((response, error) -> {
            if (!watch.finish()) {
                return failed(request, timeout, new TimeoutException());
            }
            return error == null ? answered(response, response.body()) : failed(request, timeout, error);
        });
    }

    /** Reads a body that must be complete by {@code deadline}; closing the stream unblocks the read. */
    private static byte[] readWithin(InputStream body, long deadline) throws IOException {
        BodyWatchdog.Deadline watch = BodyWatchdog.watch(deadline, () -> close(body));
        try (body) {
            byte[] bytes = body.readAllBytes();
            if (watch.finish()) {
                return bytes;
            }
        } catch (IOException e) {
            if (watch.finish()) {
                throw e;
            }
        }
        throw new HttpTimeoutException("the answer's body did not arrive in time");
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException alreadyBroken) {
            // the read it unblocks fails either way
        }
    }

    private static Exchange answered(HttpResponse<?> response, byte[] body) {
        return new Exchange.Answered(response.statusCode(), response.headers(), body);
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
