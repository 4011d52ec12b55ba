package dev.arbiter.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Argument checks: a bad argument is the caller's bug and fails at once, before anything is sent. */
final class Checks {

    private Checks() {}

    static String requireText(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be a non-empty string");
        }
        return value;
    }

    /** An API token: sent in a header, so no spaces or control characters. */
    static String requireToken(String token) {
        requireText(token, "token");
        if (token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a token has no spaces or control characters");
        }
        return token;
    }

    static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return duration;
    }

    /** The base URL of a server, e.g. {@code http://arbiter:8700}. */
    static URI serverUrl(String url) {
        URI uri = URI.create(Objects.requireNonNull(url, "endpoint"));
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("an endpoint must be an http(s) URL such as http://arbiter:8700, not '"
                    + url + "'");
        }
        return uri;
    }
}
