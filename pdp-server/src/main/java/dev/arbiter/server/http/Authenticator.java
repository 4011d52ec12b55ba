package dev.arbiter.server.http;

import dev.arbiter.server.auth.ApiKey;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.Role;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;

/**
 * Bearer-token authentication (401) and role checks (403) for {@code /v1/**}, and for callers
 * whose Authorization header is not theirs (Envoy's HTTP mode) the bare token in another header.
 * A key bound to a client identity is accepted only with a client certificate carrying it, so a
 * stolen token is useless without the workload's certificate.
 */
final class Authenticator implements Handler<RoutingContext> {

    private static final String CALLER = "arbiter.caller";
    private static final String BEARER = "bearer ";

    private final KeyRegistry keys;
    /** The header holding the bare token, or null for {@code Authorization: Bearer <token>}. */
    private final String tokenHeader;

    Authenticator(KeyRegistry keys) {
        this(keys, null);
    }

    private Authenticator(KeyRegistry keys, String tokenHeader) {
        this.keys = keys;
        this.tokenHeader = tokenHeader;
    }

    /** Takes the bare token from {@code header}. */
    static Authenticator tokenIn(KeyRegistry keys, String header) {
        return new Authenticator(keys, header);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = tokenHeader == null ? bearer(ctx) : bare(ctx, tokenHeader);
        if (token == null) {
            return;
        }
        ApiKey key = keys.authenticate(token.trim());
        if (key == null) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "unknown or revoked token"));
            return;
        }
        if (key.identity().isPresent() && !ClientIdentities.of(ctx.request()).contains(key.identity().get())) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "key '" + key.name() + "' is bound to the client identity "
                    + key.identity().get() + "; present that workload's certificate"));
            return;
        }
        ctx.put(CALLER, key);
        ctx.next();
    }

    /** The token in {@code header}, or null when the request failed for want of one. */
    private static String bare(RoutingContext ctx, String header) {
        String token = ctx.request().getHeader(header);
        if (token == null) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "missing " + header + " header"));
        }
        return token;
    }

    /** The token of {@code Authorization: Bearer <token>}, or null when the request failed for want of one. */
    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "missing Authorization: Bearer <token> header"));
            return null;
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.fail(new ApiException(ErrorCode.UNAUTHORIZED, "the Authorization header must be 'Bearer <token>'"));
            return null;
        }
        return header.substring(BEARER.length());
    }

    /** Lets the request through when its key has one of {@code roles} (admin has them all). */
    static Handler<RoutingContext> requireAny(Role... roles) {
        String names = String.join(" or ", Arrays.stream(roles).map(Role::json).toList());
        return ctx -> {
            ApiKey key = caller(ctx);
            for (Role role : roles) {
                if (key.may(role)) {
                    ctx.next();
                    return;
                }
            }
            ctx.fail(new ApiException(ErrorCode.FORBIDDEN, "key '" + key.name() + "' lacks the role " + names));
        };
    }

    static ApiKey caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }
}
