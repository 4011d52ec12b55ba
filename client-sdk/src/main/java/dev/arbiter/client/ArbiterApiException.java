package dev.arbiter.client;

import java.util.List;

/**
 * The server refused a request with an error answer ({@code {"error": {"code", "message", "details"}}}).
 * On the check path only a caller's bug gets here (400, 401, 403, 404, 413): checks never throw it
 * for an outage. Admin calls also get 404, 409, 412, 422 and 503 this way.
 */
public final class ArbiterApiException extends ArbiterException {

    private final int status;
    private final String code;
    private final List<Problem> details;

    public ArbiterApiException(int status, String code, String message, List<Problem> details) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
    }

    /**
     * One located problem of an error answer, such as a CEL error in a rule's condition.
     *
     * @param rule the rule's name, or null
     * @param line 1-based line inside a condition, or 0 when not about a condition
     * @param column 1-based column inside a condition, or 0
     */
    public record Problem(String path, String rule, String message, int line, int column) {}

    public int status() {
        return status;
    }

    /** The snake_case error code, e.g. {@code unauthorized}, {@code invalid_policy}. */
    public String code() {
        return code;
    }

    public List<Problem> details() {
        return details;
    }
}
