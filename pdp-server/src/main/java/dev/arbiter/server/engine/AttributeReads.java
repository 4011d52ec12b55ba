package dev.arbiter.server.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the members of {@code principal}, {@code resource}, their {@code attr} maps and
 * {@code context} and {@code actionAttr} that a checked condition reads by name: {@code x.name}, {@code x["name"]} and
 * {@code has(x.name)}.
 */
final class AttributeReads {

    private static final Set<String> VARIABLES = Set.of("principal", "resource", "context", "actionAttr");
    /** The attr map of each variable that has one, named once: every condition shares these strings. */
    private static final Map<String, String> ATTR_OBJECTS =
            Map.of("principal", "principal.attr", "resource", "resource.attr");
    /** A selection's position is its dot; the name a person looks for starts one further. */
    private static final int NAME_AFTER_DOT = 1;

    private AttributeReads() {}

    static List<AttributeRead> of(CelAbstractSyntaxTree ast) {
        List<AttributeRead> reads = new ArrayList<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr expr = node.expr();
            switch (expr.getKind()) {
                case SELECT -> add(ast, expr, expr.select().operand(), expr.select().field(), NAME_AFTER_DOT, reads);
                case CALL -> {
                    CelExpr.CelCall call = expr.call();
                    if (call.function().equals(Operator.INDEX.getFunction()) && call.args().size() == 2
                            && isString(call.args().get(1))) {
                        add(ast, expr, call.args().get(0), call.args().get(1).constant().stringValue(), 0, reads);
                    }
                }
                default -> {
                }
            }
        });
        return List.copyOf(reads);
    }

    /**
     * Records a read located at its expression's position (a selection's is its dot, an index's its
     * bracket) plus {@code shift} characters.
     */
    private static void add(CelAbstractSyntaxTree ast, CelExpr read, CelExpr operand, String name, int shift,
            List<AttributeRead> reads) {
        String object = objectOf(ast, operand);
        if (object != null) {
            Integer offset = ast.getSource().getPositionsMap().get(read.id());
            CelSourceLocation location = offset == null
                    ? CelSourceLocation.NONE
                    : ast.getSource().getOffsetLocation(offset).orElse(CelSourceLocation.NONE);
            reads.add(location.getLine() > 0
                    ? new AttributeRead(object, name, location.getLine(), location.getColumn() + 1 + shift)
                    : new AttributeRead(object, name, 0, 0));
        }
    }

    /** The object an operand denotes: a request variable, or the attr map of principal or resource. */
    private static String objectOf(CelAbstractSyntaxTree ast, CelExpr operand) {
        if (isVariable(ast, operand, VARIABLES)) {
            return operand.ident().name();
        }
        if (operand.getKind() == CelExpr.ExprKind.Kind.SELECT && operand.select().field().equals("attr")
                && !operand.select().testOnly() && isVariable(ast, operand.select().operand(), ATTR_OBJECTS.keySet())) {
            return ATTR_OBJECTS.get(operand.select().operand().ident().name());
        }
        return null;
    }

    /** An identifier the checker resolved to one of {@code names} (not a comprehension variable of that name). */
    private static boolean isVariable(CelAbstractSyntaxTree ast, CelExpr expr, Set<String> names) {
        return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && names.contains(expr.ident().name())
                && ast.getReference(expr.id()).map(reference -> reference.name().equals(expr.ident().name()))
                        .orElse(false);
    }

    private static boolean isString(CelExpr expr) {
        return expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }
}
