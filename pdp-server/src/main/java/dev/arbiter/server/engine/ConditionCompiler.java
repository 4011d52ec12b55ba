package dev.arbiter.server.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.arbiter.store.model.Problem;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.parser.CelParser;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles rule conditions to CEL programs in Arbiter's environment, type-checked to bool against
 * the functions each one calls ({@link CalledFunctionCheckers}). Programs are cached by source,
 * so a condition shared by many rules (or re-sent unchanged) is compiled once. Thread-safe.
 */
public final class ConditionCompiler {

    /** Total comprehension iterations one evaluation may take; beyond it the evaluation fails. */
    public static final int MAX_ITERATIONS = 10_000;

    private final CelParser parser = CelEnvironment.parser();
    private final CalledFunctionCheckers checkers = new CalledFunctionCheckers();
    private final CelRuntime runtime = CelEnvironment.runtime();
    private final Cache<String, Condition> programs;

    public ConditionCompiler(long cacheSize) {
        this.programs = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The outcome of compiling one condition. */
    public sealed interface Compilation {
        record Compiled(Condition condition) implements Compilation {}

        /** Each problem carries the CEL message and its 1-based line and column in the condition. */
        record Rejected(List<Problem> problems) implements Compilation {}
    }

    /**
     * Compiles {@code source}; problems are located at {@code path} (e.g. {@code rules[0].condition}).
     */
    public Compilation compile(String source, String path) {
        Condition cached = programs.getIfPresent(source);
        if (cached != null) {
            return new Compilation.Compiled(cached);
        }
        try {
            CelValidationResult parsed = parser.parse(source);
            CelValidationResult checked = parsed.hasError() ? parsed : checkers.check(parsed.getAst());
            if (checked.hasError()) {
                return new Compilation.Rejected(problems(checked.getErrors(), path));
            }
            CelAbstractSyntaxTree ast = checked.getAst();
            Condition condition = Condition.compiled(source, runtime.createProgram(ast), AttributeReads.of(ast));
            programs.put(source, condition);
            return new Compilation.Compiled(condition);
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compilation.Rejected(List.of(Problem.at(path, e.getMessage())));
        } catch (RuntimeException e) {
            // A fault of the CEL library on one condition rejects that condition, never the rest.
            return new Compilation.Rejected(List.of(Problem.at(path, "the condition could not be compiled: " + e)));
        }
    }

    private static List<Problem> problems(List<CelIssue> issues, String path) {
        List<Problem> problems = new ArrayList<>(issues.size());
        for (CelIssue issue : issues) {
            int line = issue.getSourceLocation().getLine();
            int column = issue.getSourceLocation().getColumn();
            problems.add(new Problem(path, null, CelMessages.compileError(issue.getMessage()),
                    line > 0 ? line : null, column >= 0 ? column + 1 : null));
        }
        return problems;
    }
}
