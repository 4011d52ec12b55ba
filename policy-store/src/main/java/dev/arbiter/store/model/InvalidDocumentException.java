package dev.arbiter.store.model;

import java.util.List;

/** A request body that is not well-formed JSON or not of the expected shape (HTTP 400). */
public final class InvalidDocumentException extends RuntimeException {

    /** What is wrong with the document. */
    public enum Kind {
        /** It is not JSON at all. */
        MALFORMED_JSON,
        /** It is not YAML at all. */
        MALFORMED_YAML,
        /** It parsed, but fields are missing, unknown or of the wrong type. */
        INVALID_SHAPE
    }

    private final Kind kind;
    private final List<Problem> problems;

    private InvalidDocumentException(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    /** The body could not be parsed as JSON at all. */
    public static InvalidDocumentException malformed(String message) {
        return new InvalidDocumentException(Kind.MALFORMED_JSON, message, List.of());
    }

    /** The body could not be parsed as YAML. */
    public static InvalidDocumentException malformedYaml(String message) {
        return new InvalidDocumentException(Kind.MALFORMED_YAML, message, List.of());
    }

    /** The body parsed, but fields are missing, unknown or of the wrong type. */
    public static InvalidDocumentException invalidShape(List<Problem> problems) {
        String message = problems.size() == 1
                ? describe(problems.get(0))
                : problems.size() + " fields are missing, unknown or of the wrong type";
        return new InvalidDocumentException(Kind.INVALID_SHAPE, message, problems);
    }

    private static String describe(Problem problem) {
        return problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message();
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
