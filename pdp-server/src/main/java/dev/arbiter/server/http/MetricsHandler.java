package dev.arbiter.server.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** {@code GET /metrics}: Prometheus's text format, without a token, as scrapers expect it. */
final class MetricsHandler {

    private static final CharSequence TEXT_FORMAT = HttpHeaders.createOptimized(
            "text/plain; version=0.0.4; charset=utf-8");

    private final Supplier<String> exposition;

    MetricsHandler(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    /** Rendering every series takes a few milliseconds: on a worker, not on the event loop that serves checks. */
    void scrape(RoutingContext ctx) {
        ctx.vertx().executeBlocking(exposition::get, false).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, TEXT_FORMAT).end(done.result());
        });
    }
}
