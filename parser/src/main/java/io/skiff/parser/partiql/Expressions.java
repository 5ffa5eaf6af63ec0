package io.skiff.parser.partiql;

import io.skiff.core.value.AttributeType;
import io.skiff.core.value.StringValue;

/**
 * The rules on where each kind of expression may stand: conditions where a true/false test is
 * needed, values everywhere else, only constants and parameters in an INSERT. Each check names
 * the offending expression and points at it.
 */
final class Expressions {

    /** The expression, which must be a condition; {@code clause} names where it stands. */
    Expr requireCondition(Expr expr, String clause) {
        boolean bool = expr instanceof Expr.Literal literal && literal.value().type() == AttributeType.BOOL;
        if (!expr.isCondition() && !bool) {
            throw expr.position().invalid(clause + " needs a condition such as a = 1 or begins_with(a, 'x'), but "
                    + Describe.expr(expr) + " is not one");
        }
        return expr;
    }

    /** The expression, which must be a value (an operand), not a condition. */
    Expr requireValue(Expr expr) {
        if (expr.isCondition()) {
            throw expr.position().invalid("Expected a value here, but " + Describe.expr(expr)
                    + " is a condition");
        }
        return expr;
    }

    /** The attribute name a struct key stands for; keys are string literals. */
    String fieldName(Expr key) {
        if (key instanceof Expr.Literal literal && literal.value() instanceof StringValue name) {
            return name.value();
        }
        throw key.position().invalid("The attribute names of a struct are 'single-quoted' strings, as in"
                + " {'name': value}; found " + Describe.expr(key));
    }

    /** Checks that an INSERT's item holds only what can be computed without an item: constants and parameters. */
    void requireInsertable(Expr expr) {
        boolean allowed = expr instanceof Expr.Literal || expr instanceof Expr.Parameter
                || expr instanceof Expr.Struct || expr instanceof Expr.ListOf || expr instanceof Expr.SetOf;
        if (!allowed) {
            throw expr.position().invalid("An INSERT item holds only constants and parameters; found "
                    + Describe.expr(expr));
        }
        expr.children().forEach(this::requireInsertable);
    }
}
