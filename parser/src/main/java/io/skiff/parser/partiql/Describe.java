package io.skiff.parser.partiql;

import io.skiff.core.error.Messages;

/** Expressions named in error messages: what kind of thing they are, and their text. */
final class Describe {

    private Describe() {
    }

    /** E.g. {@code the document path a.b}, {@code the value 'x'}, {@code the function call size(a)}. */
    static String expr(Expr expr) {
        return kind(expr) + " " + Messages.abbreviate(StatementPrinter.print(expr));
    }

    private static String kind(Expr expr) {
        if (expr instanceof Expr.PathRef) {
            return "the document path";
        }
        if (expr instanceof Expr.Parameter) {
            return "the parameter";
        }
        if (expr instanceof Expr.Call || expr instanceof Expr.NamedCall) {
            return "the function call";
        }
        if (expr.isCondition()) {
            return "the condition";
        }
        return "the value";
    }
}
