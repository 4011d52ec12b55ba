package dev.arbiter.server.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.cli.CommandFailure;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Calls to the server's policy API over the JDK's HTTP client; the server module keeps no
 * dependency on the client SDK. An answer other than 2xx becomes a {@link CommandFailure}: a 422
 * means the policies are at fault (exit 1), everything else the server could not be used (exit 3).
 */
public final class ServerConnection {

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /** @param tls the TLS context for an https server, or null */
    ServerConnection(URI base, String token, Duration timeout, SSLContext tls) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        // HTTP/1.1: the JDK would otherwise ask for an h2c upgrade, which the server answers
        // unreliably for large bodies such as a policy listing (docs/api.md, "Transport").
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout);
        this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** The server, as messages name it. */
    public String server() {
        return base.toString();
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET(), "GET " + path);
    }

    /** Posts a JSON body. */
    public JsonNode post(String path, byte[] json) {
        return send(HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), "POST " + path);
    }

    private JsonNode send(HttpRequest.Builder request, String call) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(timeout).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw CommandFailure.server("no answer from " + server() + " within " + timeout.toSeconds()
                    + " s (--timeout)");
        } catch (IOException e) {
            throw CommandFailure.server(unreachable(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CommandFailure.server("interrupted while waiting for " + server());
        }
        JsonNode body = json(response.body());
        if (response.statusCode() / 100 == 2 && body != null) {
            return body;
        }
        throw ErrorAnswers.failure(response.statusCode(), body, call);
    }

    private String unreachable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return "TLS with " + server() + " failed: " + tls.getMessage()
                        + " (--cacert trusts the server's authority; --cert and --key present a client certificate)";
            }
            if (cause instanceof ConnectException) {
                return "cannot reach " + server() + ": the connection was refused";
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot reach " + server() + ": " + reason;
    }

    /** The body as JSON; null when it is empty or not JSON. */
    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : PolicyJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
