package dev.arbiter.store.model;

import java.util.List;

/** A request body that is not well-formed JSON or not of the expected shape (HTTP 400). */
public final class InvalidDocumentException extends RuntimeException {

    private final String code;
    private final List<Problem> problems;

    private InvalidDocumentException(String code, String message, List<Problem> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** The body could not be parsed as JSON at all. */
    public static InvalidDocumentException malformed(String message) {
        return new InvalidDocumentException("malformed_json", message, List.of());
    }

    /** The body could not be parsed as YAML. */
    public static InvalidDocumentException malformedYaml(String message) {
        return new InvalidDocumentException("malformed_yaml", message, List.of());
    }

    /** The body parsed, but fields are missing, unknown or of the wrong type. */
    public static InvalidDocumentException invalidShape(List<Problem> problems) {
        String message = problems.size() == 1
                ? describe(problems.get(0))
                : problems.size() + " fields are missing, unknown or of the wrong type";
        return new InvalidDocumentException("invalid_request", message, problems);
    }

    private static String describe(Problem problem) {
        return problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message();
    }

    public String code() {
        return code;
    }

    public List<Problem> problems() {
        return problems;
    }
}
