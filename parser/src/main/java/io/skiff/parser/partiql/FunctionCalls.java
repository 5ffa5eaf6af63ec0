package io.skiff.parser.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.StringValue;
import java.util.Arrays;
import java.util.List;

/** The argument rules of the {@link PartiQLFunction}s: count, and what each argument may be. */
final class FunctionCalls {

    private FunctionCalls() {
    }

    /** The call, once its arguments are checked. */
    static Expr.Call check(Expr.Call call, Expressions expressions) {
        PartiQLFunction function = call.function();
        List<Expr> arguments = call.arguments();
        if (arguments.size() != function.arity()) {
            throw call.position().invalid(function.sqlName() + " takes " + function.arity()
                    + (function.arity() == 1 ? " argument" : " arguments") + " but was given " + arguments.size());
        }
        arguments.forEach(argument -> {
            expressions.requireValue(argument);
            if (argument instanceof Expr.Missing) {
                throw argument.position().invalid("MISSING cannot be an argument of " + function.sqlName());
            }
        });
        switch (function) {
            case BEGINS_WITH, CONTAINS, SIZE -> requirePath(call, 0);
            case ATTRIBUTE_TYPE -> {
                requirePath(call, 0);
                requireTypeName(call, arguments.get(1));
            }
            case LIST_APPEND -> {
                requireLiteralOf(call, arguments.get(0), "a list", AttributeType.L);
                requireLiteralOf(call, arguments.get(1), "a list", AttributeType.L);
            }
            case SET_ADD, SET_DELETE -> {
                requireLiteralOf(call, arguments.get(0), "a set", AttributeType.SS, AttributeType.NS);
                requireLiteralOf(call, arguments.get(1), "a set", AttributeType.SS, AttributeType.NS);
            }
            default -> throw new IllegalStateException("no argument rule for " + function);
        }
        return call;
    }

    private static void requirePath(Expr.Call call, int index) {
        Expr argument = call.arguments().get(index);
        if (!(argument instanceof Expr.PathRef)) {
            throw argument.position().invalid("The first argument of " + call.function().sqlName()
                    + " is an attribute name or document path; found " + Describe.expr(argument));
        }
    }

    private static void requireTypeName(Expr.Call call, Expr argument) {
        if (argument instanceof Expr.Parameter) {
            return;
        }
        if (!(argument instanceof Expr.Literal literal && literal.value() instanceof StringValue name)) {
            throw argument.position().invalid("The type of attribute_type is a string such as 'S' or 'NS'; found "
                    + Describe.expr(argument));
        }
        try {
            AttributeType.fromTag(name.value());
        } catch (SkiffException e) {
            throw argument.position().invalid(e.getMessage());
        }
    }

    /** An argument whose type shows in the text must be of one of {@code types}; others are checked when run. */
    private static void requireLiteralOf(Expr.Call call, Expr argument, String what, AttributeType... types) {
        AttributeType type = visibleType(argument);
        if (type == null || Arrays.asList(types).contains(type)
                || (argument instanceof Expr.SetOf && types[0].isSet())) {
            return;
        }
        throw argument.position().invalid(call.function().sqlName() + " needs " + what + " here; found "
                + Describe.expr(argument));
    }

    /** The type an argument has whatever the item and parameters, or null when that depends on them. */
    private static AttributeType visibleType(Expr argument) {
        if (argument instanceof Expr.Literal literal) {
            return literal.value().type();
        }
        if (argument instanceof Expr.Struct) {
            return AttributeType.M;
        }
        if (argument instanceof Expr.ListOf) {
            return AttributeType.L;
        }
        if (argument instanceof Expr.SetOf set) {
            return set.elements().stream().filter(Expr.Literal.class::isInstance).findFirst()
                    .map(e -> ((Expr.Literal) e).value().type() == AttributeType.S ? AttributeType.SS : AttributeType.NS)
                    .orElse(AttributeType.SS);
        }
        return null;
    }
}
