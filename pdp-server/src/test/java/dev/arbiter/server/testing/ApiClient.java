package dev.arbiter.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A small HTTP client for tests: every call answers status, headers and the parsed JSON body. */
public final class ApiClient {

    /**
     * HTTP/1.1, as the SDK speaks: the JDK would otherwise ask every new connection to upgrade to
     * h2c, which Vert.x 5.2 answers unreliably for large bodies (docs/api.md, "Transport").
     */
    private static final HttpClient HTTP = client().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    public ApiClient(String baseUrl, String token) {
        this(HTTP, baseUrl, token);
    }

    /** A client speaking HTTPS with the given TLS context (trust, and a client certificate if any). */
    public ApiClient(SSLContext tls, String baseUrl, String token) {
        this(client().sslContext(tls).build(), baseUrl, token);
    }

    private static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }

    private ApiClient(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** One answer. {@code json} is null when the body is empty or not JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends a request; {@code headers} are name, value pairs. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode json = text.isEmpty() || !isJson ? null : PolicyJson.MAPPER.readTree(text);
            return new Response(response.statusCode(), response.headers(), text, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
