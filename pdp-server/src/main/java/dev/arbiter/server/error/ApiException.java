package dev.arbiter.server.error;

import dev.arbiter.store.model.Problem;
import java.util.List;

/** An error answer: its {@link ErrorCode}, a message for a person, and located details. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem> details;

    public ApiException(ErrorCode code, String message, List<Problem> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException badRequest(String path, String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, path + ": " + message, List.of(Problem.at(path, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public List<Problem> details() {
        return details;
    }
}
