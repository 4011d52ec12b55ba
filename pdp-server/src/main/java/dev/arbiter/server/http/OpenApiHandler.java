package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.store.model.PolicyJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3.1 description shipped in the jar, naming the version that serves it. */
final class OpenApiHandler {

    private static final String RESOURCE = "/openapi.json";

    private final Buffer document;

    OpenApiHandler() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            ObjectNode json = (ObjectNode) PolicyJson.MAPPER.readTree(in);
            ((ObjectNode) json.get("info")).put("version", BuildInfo.current().version());
            document = Responses.bytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(RoutingContext ctx) {
        Responses.json(ctx, 200, document);
    }
}
