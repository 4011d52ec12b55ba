package dev.arbiter.server.cli.repo;

import dev.arbiter.store.model.Problem;

/**
 * One error or warning about a file of the repository, printed the way compilers print theirs
 * ({@code file:line:column: error: ...}), which editors and CI annotations understand.
 *
 * @param position where in the file, or null when it is not known
 * @param policy the id of the policy concerned, or null
 * @param problem what and where inside the document (path, rule, and for CEL the line and column in the condition)
 * @param code the warning's code ({@code unreachable_rule}, ...), or null
 */
public record Finding(Severity severity, String file, Position position, String policy, Problem problem, String code) {

    /** How bad a finding is. */
    public enum Severity {
        ERROR, WARNING
    }

    /** An error about a file as a whole. */
    public static Finding error(String file, String message) {
        return new Finding(Severity.ERROR, file, null, null, Problem.at("", message), null);
    }

    /** Findings in the order of their files, then their positions. */
    public static final java.util.Comparator<Finding> IN_FILE_ORDER = java.util.Comparator.comparing(Finding::file)
            .thenComparing(finding -> finding.position == null ? 0 : finding.position.line())
            .thenComparing(finding -> finding.position == null ? 0 : finding.position.column());

    /** The finding on one line. */
    public String format() {
        StringBuilder line = new StringBuilder(file);
        if (position != null) {
            line.append(':').append(position);
        }
        line.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        String subject = subject();
        if (!subject.isEmpty()) {
            line.append(subject).append(": ");
        }
        if (!problem.path().isEmpty()) {
            line.append(problem.path()).append(": ");
        }
        // Parser messages can span lines (SnakeYAML's do); a finding stays on one.
        line.append(problem.message().strip().replaceAll("\\s*\\R\\s*", " "));
        if (problem.line() != null && problem.column() != null) {
            line.append(" (at ").append(problem.line()).append(':').append(problem.column())
                    .append(" in the condition)");
        }
        if (code != null) {
            line.append(" [").append(code).append(']');
        }
        return line.toString();
    }

    private String subject() {
        String rule = problem.rule() == null ? "" : "rule " + problem.rule();
        if (policy == null || policy.isEmpty()) {
            return rule;
        }
        return rule.isEmpty() ? "policy " + policy : "policy " + policy + ", " + rule;
    }
}
