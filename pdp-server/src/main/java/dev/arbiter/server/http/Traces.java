package dev.arbiter.server.http;

import dev.arbiter.server.service.TraceContext;
import io.vertx.ext.web.RoutingContext;

/** The W3C trace a request carries in its {@code traceparent} header, if any. */
final class Traces {

    private static final String TRACEPARENT = "traceparent";

    private Traces() {}

    /** The request's trace, or null. */
    static TraceContext of(RoutingContext ctx) {
        return TraceContext.parse(ctx.request().getHeader(TRACEPARENT));
    }
}
