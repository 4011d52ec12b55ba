package dev.arbiter.server.http;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.jdbc.Precondition;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Reads {@code If-Match} / {@code If-None-Match}; policy ETags are the quoted version number. */
final class Preconditions {

    private Preconditions() {}

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    static Precondition of(HttpServerRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifMatch != null && ifNoneMatch != null) {
            throw ApiException.badRequest("send either If-Match or If-None-Match, not both");
        }
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw ApiException.badRequest("If-None-Match supports only '*' (create only if absent)");
            }
            return Precondition.IF_ABSENT;
        }
        if (ifMatch == null) {
            return Precondition.NONE;
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return Precondition.IF_EXISTS;
        }
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Precondition.ifVersion(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match must be a policy ETag such as \"3\" (its version), or '*'");
        }
    }
}
