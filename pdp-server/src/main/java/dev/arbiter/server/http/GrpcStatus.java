package dev.arbiter.server.http;

/** The gRPC status codes Arbiter answers with, and the one each HTTP error status becomes. */
enum GrpcStatus {
    OK(0),
    INVALID_ARGUMENT(3),
    DEADLINE_EXCEEDED(4),
    NOT_FOUND(5),
    PERMISSION_DENIED(7),
    RESOURCE_EXHAUSTED(8),
    UNIMPLEMENTED(12),
    INTERNAL(13),
    UNAVAILABLE(14),
    UNAUTHENTICATED(16);

    private final int code;

    GrpcStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The status a failure with HTTP status {@code status} reports over gRPC. */
    static GrpcStatus ofHttp(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 409, 503 -> UNAVAILABLE;
            case 413, 431 -> RESOURCE_EXHAUSTED;
            default -> status >= 500 ? INTERNAL : INVALID_ARGUMENT;
        };
    }
}
