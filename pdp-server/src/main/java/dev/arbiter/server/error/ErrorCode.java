package dev.arbiter.server.error;

import java.util.Locale;

/**
 * Every error Arbiter answers, with the HTTP status it carries. The JSON envelope's {@code code}
 * is the constant's name in lower case; front doors other than HTTP map the status to their own.
 */
public enum ErrorCode {
    MALFORMED_JSON(400),
    MALFORMED_YAML(400),
    MALFORMED_HTTP(400),
    INVALID_REQUEST(400),
    ID_MISMATCH(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    STALE_REPLICA(409),
    VERSION_IS_DELETION(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_POLICY(422),
    INVALID_KEY(422),
    TOO_MANY_EXPORTS(429),
    TOO_MANY_IMPACTS(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    STORE_UNAVAILABLE(503);

    private final int status;
    private final String code;

    ErrorCode(int status) {
        this.status = status;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP status of an answer with this error. */
    public int status() {
        return status;
    }

    /** The snake_case code of the JSON error envelope. */
    public String code() {
        return code;
    }
}
