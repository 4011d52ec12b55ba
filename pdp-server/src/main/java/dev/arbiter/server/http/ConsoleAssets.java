package dev.arbiter.server.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser console: the static files under {@code console/} on the class path, served at
 * {@code /console/} without a token (they hold no data; every API call they make carries the key
 * the person signed in with). Each answer forbids any script, style or connection that is not the
 * server's own, so a string that reaches a page can never run as code there.
 */
final class ConsoleAssets {

    private static final String PATH = "/console";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private ConsoleAssets() {}

    /**
     * The console's one route, {@code GET /console/*} ({@code /console} itself is redirected to
     * {@code /console/} by the static handler); it takes no token and no body, and no API call goes through it.
     */
    static void register(Router router, Routes routes) {
        router.get(PATH + "/*").handler(ConsoleAssets::secureHeaders).handler(StaticHandler.create("console"));
        routes.allow(HttpMethod.GET, PATH + "/*");
    }

    /** Files are revalidated on every load, so a new server version never runs with old scripts. */
    private static void secureHeaders(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        response.putHeader("Cache-Control", "no-cache");
        ctx.next();
    }
}
