package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds real exchanges against an OpenAPI document: each request is sent to Arbiter, and also to
 * a local server that only validates it against the document (Vert.x's validator reads requests
 * as a server receives them); each answer is validated against the operation's responses.
 */
public final class ContractCheck implements AutoCloseable {

    private static final Set<String> READABLE = Set.of("application/json");

    private final Vertx vertx = Vertx.vertx();
    private final OpenAPIContract contract;
    private final ResponseValidator responses;
    private final HttpServer requestChecker;

    public ContractCheck(String document) {
        contract = OpenAPIContract.from(vertx, validatable(new JsonObject(document))).await();
        responses = ResponseValidator.create(vertx, contract);
        RequestValidator requests = RequestValidator.create(vertx, contract);
        requestChecker = vertx.createHttpServer().requestHandler(request -> requests.validate(request)
                .onComplete(done -> request.response().setStatusCode(done.succeeded() ? 204 : 422)
                        .end(done.succeeded() ? "" : String.valueOf(done.cause())))).listen(0, "127.0.0.1").await();
    }

    /**
     * The document less the media types other than JSON (Prometheus text, HTML, YAML, NDJSON, CSV):
     * the validator refuses a document that names some of them, and cannot read the others.
     */
    private static JsonObject validatable(JsonObject document) {
        JsonObject paths = document.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (Object operation : paths.getJsonObject(path)) {
                if (((Map.Entry<?, ?>) operation).getValue() instanceof JsonObject described) {
                    keepReadable(described.getJsonObject("requestBody"));
                    JsonObject responses = described.getJsonObject("responses");
                    if (responses != null) {
                        responses.forEach(response -> keepReadable((JsonObject) response.getValue()));
                    }
                }
            }
        }
        return document;
    }

    private static void keepReadable(JsonObject described) {
        JsonObject content = described == null ? null : described.getJsonObject("content");
        if (content != null) {
            content.fieldNames().removeIf(type -> !READABLE.contains(type));
            if (content.isEmpty()) {
                described.remove("content");
            }
        }
    }

    public OpenAPIContract contract() {
        return contract;
    }

    /** Sends {@code method path} with {@code body} (JSON, or null) and holds both sides to the document. */
    public ApiClient.Response exchange(ApiClient client, String token, String method, String path, String body,
            String... headers) {
        ApiClient.Response request = new ApiClient("http://127.0.0.1:" + requestChecker.actualPort(), token)
                .send(method, path, body, headers);
        assertEquals(204, request.status(), method + " " + path + ": the request breaks the document: " + request.body());
        return answer(client, method, path, body, headers);
    }

    /** Sends a request the document does not allow (to be refused) and holds the answer to the document. */
    public ApiClient.Response answer(ApiClient client, String method, String path, String body, String... headers) {
        ApiClient.Response response = client.send(method, path, body, headers);
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Operation operation = contract.findOperation(bare, HttpMethod.valueOf(method));
        assertNotNull(operation, method + " " + bare + " is not in the document");
        Map<String, String> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> answered.put(name, values.get(0)));
        String mediaType = answered.getOrDefault("Content-Type", "").split(";")[0].trim();
        // Bodies other than JSON were taken out of the validator's copy of the document.
        ValidatableResponse validatable = READABLE.contains(mediaType)
                ? ValidatableResponse.create(response.status(), answered, Buffer.buffer(response.body()), mediaType)
                : ValidatableResponse.create(response.status(), answered);
        try {
            responses.validate(validatable, operation.getOperationId()).await();
        } catch (RuntimeException e) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + " outside the document: "
                    + e.getMessage() + "\n" + response.body(), e);
        }
        return response;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
