package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of every request: refuses, before any route looks at them, paths and query
 * strings that are not valid percent-encoding or that carry NUL (no id, name or filter holds one,
 * and the store cannot), and multipart bodies, which no endpoint takes (Envoy's HTTP mode asks
 * about the client's request, which may well be an upload). Bodies labelled as
 * URL-encoded forms are relabelled JSON under {@code /v1}, which they are: {@code curl -d} labels
 * its JSON so, and decoding JSON as a form fails on any '%' in it. (AuthZEN's endpoints insist on
 * {@code application/json}, as its specification does.)
 */
final class RequestGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        if (!validPathAndQuery(ctx)) {
            return;
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && startsWithIgnoringCase(type, "multipart/")
                && !ctx.request().path().startsWith(ExtAuthzHandler.HTTP_PREFIX + "/")) {
            ctx.fail(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "multipart bodies are not accepted; send JSON"));
            return;
        }
        if (type != null && startsWithIgnoringCase(type, "application/x-www-form-urlencoded")
                && ctx.request().path().startsWith("/v1/")) {
            ctx.request().headers().set(HttpHeaders.CONTENT_TYPE, Responses.JSON);
        }
        ctx.next();
    }

    /** Fails the request unless its path and query decode and hold no NUL; a check has no query, so pays for the path only. */
    private static boolean validPathAndQuery(RoutingContext ctx) {
        try {
            ctx.normalizedPath();
            if (ctx.request().path().contains("%00")) {
                ctx.fail(ApiException.badRequest("the path or query string contains NUL"));
                return false;
            }
            if (ctx.request().query() == null) {
                return true;
            }
            MultiMap query = ctx.queryParams();
            if (query.entries().stream().anyMatch(entry -> hasNul(entry.getKey()) || hasNul(entry.getValue()))) {
                ctx.fail(ApiException.badRequest("the path or query string contains NUL"));
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            ctx.fail(ApiException.badRequest("the path or query string is not valid percent-encoding"));
            return false;
        }
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** Compared in place: every check carries a Content-Type, so no lower-cased copy. */
    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
