package dev.arbiter.server.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CEL's messages as a person would write them: the parser's token lists become what is wrong in
 * words, overload candidates become the operator and its operands, and an evaluation error says
 * its line and column in the condition instead of a character offset.
 */
final class CelMessages {

    private static final Pattern EARLY_END = Pattern.compile("^mismatched input '<EOF>' expecting .*");
    private static final Pattern MISMATCHED = Pattern.compile("^(?:mismatched|extraneous) input '(.*)' expecting \\{.*");
    private static final Pattern TRAILING = Pattern.compile("^extraneous input '(.*)' expecting <EOF>$");
    private static final Pattern MISSING = Pattern.compile("^missing '(.*)' at '(.*)'$");
    private static final Pattern UNREADABLE = Pattern.compile("^token recognition error at: '(.*)'$");
    private static final Pattern NO_VIABLE = Pattern.compile("^no viable alternative at input '(.*)'$");
    private static final Pattern UNDECLARED = Pattern.compile("^undeclared reference to '(.*)' \\(in container '.*'\\)$");
    private static final Pattern NO_OVERLOAD = Pattern.compile(
            "^found no matching overload for '(.*)' applied to '(.*?)'(?: \\(candidates: .*\\))?$");
    private static final Pattern EVALUATION = Pattern.compile("^evaluation error at <input>:(\\d+): (.*)$", Pattern.DOTALL);
    private static final Pattern RUNTIME_OVERLOAD = Pattern.compile("^No matching overload for function '(.*)'\\..*",
            Pattern.DOTALL);
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("_==_", "=="), Map.entry("_!=_", "!="), Map.entry("_<_", "<"), Map.entry("_<=_", "<="),
            Map.entry("_>_", ">"), Map.entry("_>=_", ">="), Map.entry("_+_", "+"), Map.entry("_-_", "-"),
            Map.entry("_*_", "*"), Map.entry("_/_", "/"), Map.entry("_%_", "%"), Map.entry("_&&_", "&&"),
            Map.entry("_||_", "||"), Map.entry("!_", "!"), Map.entry("-_", "-"), Map.entry("_[_]", "[ ]"),
            Map.entry("_?_:_", "? :"), Map.entry("@in", "in"));

    private CelMessages() {}

    /** A parse or type-check error of a condition, in words. */
    static String compileError(String message) {
        Matcher match;
        if (EARLY_END.matcher(message).matches()) {
            return "the condition ends too early: an operand or a closing bracket is missing at its end";
        }
        if ((match = TRAILING.matcher(message)).matches()) {
            return quoted(match.group(1)) + " follows a complete expression: an operator such as && or == is missing"
                    + " before it";
        }
        if ((match = MISMATCHED.matcher(message)).matches()) {
            return quoted(match.group(1)) + " cannot stand here";
        }
        if ((match = MISSING.matcher(message)).matches()) {
            return "'" + match.group(1) + "' is missing " + ("<EOF>".equals(match.group(2))
                    ? "at the end of the condition" : "before '" + match.group(2) + "'");
        }
        if ((match = UNREADABLE.matcher(message)).matches()) {
            return unreadable(match.group(1));
        }
        if ((match = NO_VIABLE.matcher(message)).matches()) {
            return "the condition cannot be read at '" + match.group(1) + "'";
        }
        if ((match = UNDECLARED.matcher(message)).matches()) {
            return "'" + match.group(1) + "' is not defined; the variables are " + CelEnvironment.variableNames();
        }
        if ((match = NO_OVERLOAD.matcher(message)).matches()) {
            return "'" + operator(match.group(1)) + "' cannot be applied to " + operands(match.group(2));
        }
        return message;
    }

    /** An evaluation error of {@code source}, located by line and column. */
    static String evaluationError(String message, String source) {
        Matcher match = EVALUATION.matcher(message);
        if (!match.matches()) {
            return runtime(message);
        }
        int offset = Integer.parseInt(match.group(1));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "evaluation error at line " + line + ", column " + (offset - lineStart + 1) + ": "
                + runtime(match.group(2));
    }

    private static String runtime(String message) {
        Matcher overload = RUNTIME_OVERLOAD.matcher(message);
        if (overload.matches()) {
            return "'" + operator(overload.group(1)) + "' cannot be applied to these values";
        }
        String trimmed = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return trimmed.startsWith("key '") && trimmed.endsWith("is not present in map")
                ? trimmed + " (use has(...) to test for it first)"
                : trimmed;
    }

    private static String unreadable(String text) {
        if (text.startsWith("\"") || text.startsWith("'")) {
            return "a string that starts here is not closed";
        }
        if (text.startsWith("=")) {
            return "'=' is not an operator: compare with '=='";
        }
        if (text.startsWith("&") || text.startsWith("|")) {
            return "'" + text.charAt(0) + "' is not an operator: use '" + text.charAt(0) + text.charAt(0) + "'";
        }
        return "'" + text.strip() + "' is not part of the CEL language";
    }

    /** A token in quotes, unless it is a quoted string already. */
    private static String quoted(String token) {
        return token.startsWith("'") || token.startsWith("\"") ? token : "'" + token + "'";
    }

    private static String operator(String function) {
        return OPERATORS.getOrDefault(function, function);
    }

    /** {@code (int, string)} as "int and string", a method's {@code dyn.(int)} as "a receiver of type dyn with (int)". */
    private static String operands(String applied) {
        int dot = applied.indexOf(".(");
        if (dot >= 0) {
            return "a " + applied.substring(0, dot) + " with " + applied.substring(dot + 1);
        }
        String inner = applied.startsWith("(") && applied.endsWith(")") ? applied.substring(1, applied.length() - 1)
                : applied;
        return inner.replace(", ", " and ");
    }
}
