package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.OptionalLong;

/** Reads query parameters strictly: a value that is not of the expected form is a 400, never ignored. */
final class QueryParams {

    private QueryParams() {}

    /** {@code true} or {@code false}; absent is false. */
    static boolean flag(RoutingContext ctx, String name) {
        String value = single(ctx, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest(name, "must be true or false, not '" + value + "'");
    }

    /** A non-negative store revision, or empty when absent. */
    static OptionalLong revision(RoutingContext ctx, String name) {
        String value = single(ctx, name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long revision = Long.parseLong(value);
            if (revision >= 0) {
                return OptionalLong.of(revision);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest(name, "must be a store revision (a non-negative integer), not '" + value + "'");
    }

    /** A policy version (1, 2, …) given as {@code text} by the parameter or path segment {@code name}. */
    static int version(String name, String text) {
        if (text == null) {
            throw ApiException.badRequest(name, "is required: the version to use (1, 2, ...)");
        }
        try {
            int version = Integer.parseInt(text);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.badRequest(name, "must be a policy version (1, 2, ...), not '" + text + "'");
    }

    /** The parameter's value, or null when absent; given twice it is ambiguous, so refused. */
    static String single(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.size() > 1) {
            throw ApiException.badRequest(name, "is given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
