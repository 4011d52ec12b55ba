package dev.arbiter.server.engine;

import dev.cel.checker.CelChecker;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.extensions.CelExtensionLibrary;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelMathExtensions;
import dev.cel.extensions.CelSetsExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The CEL environment a condition sees: its variables, limits, macros and function libraries. */
final class CelEnvironment {

    private static final int MAX_NESTING = 32;
    private static final int MAX_NODES = 2_000;
    private static final int MAX_REGEX_PROGRAM_SIZE = 2_000;
    /**
     * lists.range(n) builds its whole list before any comprehension counts an iteration, so one
     * call could allocate without bound: it is left out. The rest grows only with the input.
     */
    private static final Set<CelListsExtensions.Function> LIST_FUNCTIONS =
            EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.RANGE));

    static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(ConditionCompiler.MAX_ITERATIONS)
            .maxParseRecursionDepth(MAX_NESTING)
            .maxParseExpressionNodeCount(MAX_NODES)
            .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
            .build();

    private static final MapType STRING_MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final List<CelVarDecl> VARIABLES = List.of(
            CelVarDecl.newVarDeclaration("principal", STRING_MAP),
            CelVarDecl.newVarDeclaration("resource", STRING_MAP),
            CelVarDecl.newVarDeclaration("action", SimpleType.STRING),
            CelVarDecl.newVarDeclaration("context", STRING_MAP),
            CelVarDecl.newVarDeclaration("actionAttr", STRING_MAP),
            CelVarDecl.newVarDeclaration("now", SimpleType.TIMESTAMP));

    private static final CelStringExtensions STRINGS = CelExtensions.strings();
    private static final CelMathExtensions MATH = CelExtensions.math(OPTIONS);
    private static final CelSetsExtensions SETS = CelExtensions.sets(OPTIONS);
    private static final CelListsExtensions LISTS = CelExtensions.lists(LIST_FUNCTIONS);
    private static final List<CelCompilerLibrary> LIBRARIES = List.of(STRINGS, MATH, SETS, LISTS);
    private static final List<CelFunctionDecl> LIBRARY_FUNCTIONS =
            Stream.<CelExtensionLibrary.FeatureSet>of(STRINGS, MATH, SETS, LISTS)
                    .flatMap(library -> library.functions().stream())
                    .toList();

    private CelEnvironment() {}

    /** The variables a condition can use, for messages: "principal, resource, action, context and now". */
    static String variableNames() {
        List<String> names = VARIABLES.stream().map(CelVarDecl::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** Parses with the standard macros and those of the libraries. */
    static CelParser parser() {
        return CelParserFactory.standardCelParserBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(LIBRARIES)
                .build();
    }

    /** Parses and type-checks to bool against every declaration of the environment. */
    static CelCompiler compiler() {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVarDeclarations(VARIABLES)
                .setResultType(SimpleType.BOOL)
                .addLibraries(LIBRARIES)
                .build();
    }

    /**
     * Type-checks to bool against the functions named {@code names} only (a namespaced function
     * counts under its last segment), standard ones in their own outer scope as in the full
     * environment. Every variable and standard identifier is declared.
     */
    static CelChecker checkerOf(Set<String> names) {
        return CelCompilerFactory.standardCelCheckerBuilder()
                .setOptions(OPTIONS)
                .setStandardEnvironmentEnabled(false)
                .setStandardDeclarations(CelStandardDeclarations.newBuilder()
                        .filterFunctions((function, overload) -> names.contains(lastSegment(function.functionName())))
                        .build())
                .addVarDeclarations(VARIABLES)
                .setResultType(SimpleType.BOOL)
                .addFunctionDeclarations(LIBRARY_FUNCTIONS.stream()
                        .filter(function -> names.contains(lastSegment(function.name())))
                        .toList())
                .build();
    }

    static CelRuntime runtime() {
        return CelRuntimeFactory.plannerRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(STRINGS, MATH, SETS, LISTS)
                .build();
    }

    /** A function's name without its namespace: how declarations are matched to the calls of a condition. */
    static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
