package dev.arbiter.client;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readies a new client for its first check: in a JVM that just started, loading the HTTP client
 * and the JSON codec and opening the first connection take longer than a check's timeout, so the
 * first checks of a starting service would fail closed while the server allowed them. A
 * {@code GET /health/live} to every endpoint, in parallel, leaves a pooled connection to each.
 */
final class WarmUp {

    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(1);

    private static final byte[] SAMPLE_ANSWER = ("{\"decisionId\":\"0\",\"allow\":false,\"policy\":null,\"rule\":null,"
            + "\"revision\":0,\"reason\":\"\"}").getBytes(StandardCharsets.UTF_8);

    private WarmUp() {}

    static void run(List<Endpoint> endpoints, Transport transport, Duration budget) {
        if (budget.isZero()) {
            return;
        }
        CheckCodec.encode(CheckRequest.of(Principal.of("warm-up"), "warm-up", Resource.of("warm-up")));
        try {
            CheckCodec.decode(SAMPLE_ANSWER);
        } catch (MalformedAnswerException impossible) {
            throw new IllegalStateException("the warm-up answer is malformed", impossible);
        }
        CompletableFuture<?>[] calls = endpoints.stream()
                .map(endpoint -> transport.sendAsync(HttpRequest.newBuilder(endpoint.live()).timeout(budget).GET()
                        .build(), budget))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(calls).get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // An endpoint that is down now is the breaker's business once checks run.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
