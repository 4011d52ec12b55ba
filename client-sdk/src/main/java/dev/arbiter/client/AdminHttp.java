package dev.arbiter.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Blocking calls to the administration API. A 2xx answer is returned; an error answer throws
 * {@link ArbiterApiException}; no answer throws {@link ArbiterUnavailableException}.
 */
final class AdminHttp {

    private final Transport transport;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    AdminHttp(String base, String token, Duration timeout, Transport transport) {
        this.transport = transport;
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Bearer " + token;
        this.timeout = timeout;
    }

    /** Sends {@code body} (null for none) with {@code headers} given as name, value pairs. */
    Exchange.Answered send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        Exchange exchange = transport.send(request.build(), timeout);
        if (exchange instanceof Exchange.Failed failed) {
            throw new ArbiterUnavailableException(failed.failure(), failed.detail());
        }
        Exchange.Answered answered = (Exchange.Answered) exchange;
        if (answered.status() < 200 || answered.status() >= 300) {
            throw ErrorAnswers.toException(answered.status(), answered.body());
        }
        return answered;
    }

    /** What {@code read} answers, or empty when the server answers 404. */
    static <T> Optional<T> unlessNotFound(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ArbiterApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The store revision a write answered in its {@code Arbiter-Revision} header. */
    static long revision(Exchange.Answered answered) {
        return answered.headers().firstValueAsLong("Arbiter-Revision").orElseThrow(() ->
                new ArbiterUnavailableException(Decision.Failure.MALFORMED_ANSWER,
                        "the server's answer to a write has no Arbiter-Revision header"));
    }

    /** A path segment or query value, encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Decodes a 2xx body, whose malformation means the server is not the one this client knows. */
    static <T> T decode(Exchange.Answered answered, Dispatcher.Decoder<T> decoder) {
        try {
            return decoder.decode(answered.body());
        } catch (MalformedAnswerException e) {
            throw new ArbiterUnavailableException(Decision.Failure.MALFORMED_ANSWER,
                    "the server's answer is not understood: " + e.getMessage());
        }
    }
}
