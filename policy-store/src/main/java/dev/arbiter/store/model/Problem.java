package dev.arbiter.store.model;

/**
 * One thing wrong with a document, located precisely enough for a person to fix it.
 *
 * @param path where in the document, e.g. {@code rules[1].condition}; empty for the whole document
 * @param rule the name of the rule concerned, or null
 * @param line 1-based line inside a CEL condition, or null
 * @param column 1-based column inside a CEL condition, or null
 */
public record Problem(String path, String rule, String message, Integer line, Integer column) {

    public static Problem at(String path, String message) {
        return new Problem(path, null, message, null, null);
    }

    public static Problem inRule(String path, String rule, String message) {
        return new Problem(path, rule, message, null, null);
    }

    public Problem withRule(String ruleName) {
        return new Problem(path, ruleName, message, line, column);
    }

    /** The same problem located inside a larger document, e.g. under {@code policies[3]}. */
    public Problem under(String prefix) {
        return new Problem(path.isEmpty() ? prefix : prefix + "." + path, rule, message, line, column);
    }
}
