package dev.arbiter.server.http;

import dev.arbiter.store.model.Problem;
import java.util.List;

/** An error answer: HTTP status, a snake_case code, a message for a person, and located details. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem> details;

    public ApiException(int status, String code, String message, List<Problem> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException badRequest(String path, String message) {
        return new ApiException(400, "invalid_request", path + ": " + message, List.of(Problem.at(path, message)));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem> details() {
        return details;
    }
}
