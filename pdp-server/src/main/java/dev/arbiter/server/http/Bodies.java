package dev.arbiter.server.http;

import dev.arbiter.server.policy.PolicyDocuments;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Request bodies as the services take them. */
final class Bodies {

    private static final byte[] EMPTY = new byte[0];

    private Bodies() {}

    /** The body's bytes; empty when there is none. */
    static byte[] bytes(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        return body == null ? EMPTY : body.getBytes();
    }

    /** Policy documents, in YAML when the Content-Type says so, else JSON. */
    static PolicyDocuments policies(RoutingContext ctx) {
        return PolicyDocuments.of(bytes(ctx), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    }

    /** Policy documents that must be JSON, whatever the Content-Type says. */
    static PolicyDocuments json(RoutingContext ctx) {
        return new PolicyDocuments(bytes(ctx), false);
    }
}
