package dev.arbiter.server.engine;

import static java.util.stream.Collectors.toUnmodifiableSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cel.checker.CelChecker;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.Set;

/**
 * Type-checks parsed conditions against only the functions each one calls. cel-java rebuilds its
 * checker environment for every expression, at a cost that grows with the overloads declared:
 * about 250 µs with all of them, most of a condition's compilation, where a condition calls a
 * handful. Overload resolution only ever considers the declarations of the name called, so the
 * outcome is the same as with the full environment. One checker per set of called names, which
 * few conditions vary. Thread-safe.
 */
final class CalledFunctionCheckers {

    /** Bounds the checkers kept should conditions call very many combinations of functions. */
    private static final int MAX_CHECKERS = 1_000;

    private final Cache<Set<String>, CelChecker> checkers = Caffeine.newBuilder().maximumSize(MAX_CHECKERS).build();

    CelValidationResult check(CelAbstractSyntaxTree parsed) {
        return checkers.get(calledNames(parsed), CelEnvironment::checkerOf).check(parsed);
    }

    /** The names the expression calls, macros expanded, each without its namespace. */
    static Set<String> calledNames(CelAbstractSyntaxTree parsed) {
        return CelNavigableAst.fromAst(parsed).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.CALL)
                .map(node -> CelEnvironment.lastSegment(node.expr().call().function()))
                .collect(toUnmodifiableSet());
    }
}
