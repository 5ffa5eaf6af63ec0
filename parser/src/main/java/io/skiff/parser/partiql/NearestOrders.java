package io.skiff.parser.partiql;

import io.skiff.core.value.NumberValue;

/** The rules of {@code ORDER BY distance(path, value) LIMIT k}, checked while the AST is built. */
final class NearestOrders {

    /** The one shape the extension takes, for messages. */
    static final String SHAPE = "ORDER BY cosine(embedding, ?) LIMIT 10";
    /** Why a distance cannot share ORDER BY with other items. */
    static final String ALONE = "ORDER BY a distance function takes that one item only, as in " + SHAPE
            + "; it cannot be combined with other ORDER BY items";

    private NearestOrders() {
    }

    /** The nearest-neighbour order of {@code distance}, keeping {@code count} items. */
    static NearestOrder of(Expr.NamedCall distance, Expr count, Position position) {
        if (distance.arguments().size() != 2) {
            throw distance.position().invalid(distance.name() + " takes 2 arguments but was given "
                    + distance.arguments().size());
        }
        Expr first = distance.arguments().get(0);
        Expr second = distance.arguments().get(1);
        // Either order, as SQL accepts cosine(?, embedding) too.
        if (first instanceof Expr.PathRef path && isConstant(second)) {
            return new NearestOrder(distance, path, second, checkedCount(count), position);
        }
        if (second instanceof Expr.PathRef path && isConstant(first)) {
            return new NearestOrder(distance, path, first, checkedCount(count), position);
        }
        throw distance.position().invalid("ORDER BY " + distance.name() + "(...) measures from an attribute to a"
                + " value written in the statement or a ?, as in " + SHAPE + "; found " + Describe.expr(distance));
    }

    /** A target the read knows before it starts: a literal (folded lists included) or a parameter. */
    private static boolean isConstant(Expr expr) {
        return expr instanceof Expr.Literal || expr instanceof Expr.Parameter;
    }

    private static Expr checkedCount(Expr count) {
        if (count instanceof Expr.Parameter) {
            return count; // checked when the statement runs, at the ?
        }
        if (count instanceof Expr.Literal literal && literal.value() instanceof NumberValue number
                && NearestOrder.isValidCount(number.value())) {
            return count;
        }
        throw count.position().invalid(NearestOrder.COUNT_RULE + "; found " + Describe.expr(count));
    }
}
