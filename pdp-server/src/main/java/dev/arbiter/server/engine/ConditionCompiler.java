package dev.arbiter.server.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.arbiter.store.Problem;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles rule conditions to CEL programs in Arbiter's environment, type-checked to bool.
 * Programs are cached by source, so a condition shared by many rules (or re-sent unchanged) is
 * compiled once. Thread-safe.
 */
public final class ConditionCompiler {

    /** Total comprehension iterations one evaluation may take; beyond it the evaluation fails. */
    public static final int MAX_ITERATIONS = 10_000;
    private static final int MAX_NESTING = 32;
    private static final int MAX_NODES = 2_000;
    private static final int MAX_REGEX_PROGRAM_SIZE = 2_000;
    /**
     * lists.range(n) builds its whole list before any comprehension counts an iteration, so one
     * call could allocate without bound: it is left out. The rest grows only with the input.
     */
    private static final Set<CelListsExtensions.Function> LIST_FUNCTIONS =
            EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.RANGE));

    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final Cache<String, Condition> programs;

    public ConditionCompiler(long cacheSize) {
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(MAX_ITERATIONS)
                .maxParseRecursionDepth(MAX_NESTING)
                .maxParseExpressionNodeCount(MAX_NODES)
                .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
                .build();
        MapType stringMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("principal", stringMap)
                .addVar("resource", stringMap)
                .addVar("action", SimpleType.STRING)
                .addVar("context", stringMap)
                .addVar("now", SimpleType.TIMESTAMP)
                .setResultType(SimpleType.BOOL)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(), CelExtensions.sets(options),
                        CelExtensions.lists(LIST_FUNCTIONS))
                .build();
        this.runtime = CelRuntimeFactory.plannerRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(), CelExtensions.sets(options),
                        CelExtensions.lists(LIST_FUNCTIONS))
                .build();
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
        CelValidationResult result = compiler.compile(source);
        if (result.hasError()) {
            return new Compilation.Rejected(problems(result.getErrors(), path));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            Condition condition = Condition.compiled(source, runtime.createProgram(ast), AttributeReads.of(ast));
            programs.put(source, condition);
            return new Compilation.Compiled(condition);
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compilation.Rejected(List.of(Problem.at(path, e.getMessage())));
        }
    }

    private static List<Problem> problems(List<CelIssue> issues, String path) {
        List<Problem> problems = new ArrayList<>(issues.size());
        for (CelIssue issue : issues) {
            int line = issue.getSourceLocation().getLine();
            int column = issue.getSourceLocation().getColumn();
            problems.add(new Problem(path, null, issue.getMessage(),
                    line > 0 ? line : null, column >= 0 ? column + 1 : null));
        }
        return problems;
    }
}
