package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import io.skiff.parser.partiql.Expr;
import io.skiff.sql.schema.DistanceCalls;
import io.skiff.parser.partiql.PartiQLFunction;
import io.skiff.parser.partiql.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns the expressions of a statement into {@code core}'s value, condition and update trees,
 * with one execution's parameter values bound. Core's trees carry DynamoDB's semantics
 * (two-valued conditions, a type mismatch is false, a missing attribute is not NULL); this class
 * only maps PartiQL's constructs onto them, and positions every error at the construct at fault.
 */
final class Binder {

    /** A condition that holds for every item, stored or not. */
    private static final Condition TRUE = Condition.eq(Operand.value(BoolValue.TRUE), Operand.value(BoolValue.TRUE));
    /** A condition that holds for no item. */
    private static final Condition FALSE = Condition.not(TRUE);

    private final List<AttributeValue> parameters;

    private Binder(List<AttributeValue> parameters) {
        this.parameters = parameters;
    }

    /** A binder of these parameter values, which must be as many as the statement has markers. */
    static Binder of(List<AttributeValue> parameters, int expected, Position statement) {
        if (parameters.size() != expected) {
            throw statement.invalid("The statement has " + expected + " parameter(s) but " + parameters.size()
                    + " value(s) were given; the number of parameters must match the number of ? markers");
        }
        return new Binder(List.copyOf(parameters));
    }

    /** The value of parameter {@code index}. */
    AttributeValue parameter(int index) {
        return parameters.get(index);
    }

    List<AttributeValue> parameters() {
        return parameters;
    }

    // ------------------------------------------------------------------ constant values

    /** The value of an expression that needs no item: a constant, a parameter, a constructor of those. */
    AttributeValue value(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof Expr.Parameter parameter) {
            return parameters.get(parameter.index());
        }
        if (expr instanceof Expr.Struct struct) {
            Map<String, AttributeValue> members = new LinkedHashMap<>();
            struct.fields().forEach(field -> members.put(field.name(), value(field.value())));
            return MapValue.of(members);
        }
        if (expr instanceof Expr.ListOf list) {
            List<AttributeValue> elements = new ArrayList<>();
            list.elements().forEach(element -> elements.add(value(element)));
            return ListValue.of(elements);
        }
        if (expr instanceof Expr.SetOf set) {
            return set(set);
        }
        if (expr instanceof Expr.Arithmetic arithmetic) {
            return arithmetic(arithmetic);
        }
        throw expr.position().invalid("Expected a constant or a parameter here; found " + describe(expr));
    }

    private AttributeValue set(Expr.SetOf set) {
        List<AttributeValue> elements = new ArrayList<>();
        set.elements().forEach(element -> elements.add(value(element)));
        AttributeType type = elements.get(0).type();
        for (int i = 0; i < elements.size(); i++) {
            AttributeType elementType = elements.get(i).type();
            if (elementType != AttributeType.S && elementType != AttributeType.N && elementType != AttributeType.B) {
                throw set.elements().get(i).position().invalid("A set holds strings, numbers or binary values;"
                        + " this element is of type " + elementType);
            }
            if (elementType != type) {
                throw set.elements().get(i).position().invalid("A set's elements must all have one type;"
                        + " this element is of type " + elementType + " in a set of type " + type);
            }
        }
        return at(set.position(), () -> switch (type) {
            case S -> StringSetValue.of(elements.stream().map(e -> ((StringValue) e).value()).toList());
            case N -> NumberSetValue.of(elements.stream().map(NumberValue.class::cast).toList());
            default -> BinarySetValue.of(elements.stream().map(e -> ((BinaryValue) e).value()).toList());
        });
    }

    private AttributeValue arithmetic(Expr.Arithmetic arithmetic) {
        BigDecimal left = number(arithmetic.left());
        BigDecimal right = number(arithmetic.right());
        BigDecimal result = arithmetic.operator() == ArithmeticOperator.PLUS ? left.add(right) : left.subtract(right);
        return at(arithmetic.position(), () -> new NumberValue(result));
    }

    private BigDecimal number(Expr operand) {
        AttributeValue value = value(operand);
        if (!(value instanceof NumberValue number)) {
            throw operand.position().invalid("Arithmetic needs numbers; this operand is of type " + value.type());
        }
        return number.value();
    }

    // ------------------------------------------------------------------ conditions

    /** The condition a WHERE expression states. */
    Condition condition(Expr expr) {
        if (expr instanceof Expr.Literal literal && literal.value() instanceof BoolValue bool) {
            return bool.value() ? TRUE : FALSE;
        }
        if (expr instanceof Expr.Comparison comparison) {
            return comparison(comparison);
        }
        if (expr instanceof Expr.Between between) {
            requireNotMissing(between.operand(), "BETWEEN");
            requireNotMissing(between.low(), "BETWEEN");
            requireNotMissing(between.high(), "BETWEEN");
            return at(between.position(), () -> Condition.between(operand(between.operand()), operand(between.low()),
                    operand(between.high())));
        }
        if (expr instanceof Expr.In in) {
            requireNotMissing(in.operand(), "IN");
            List<Operand> candidates = new ArrayList<>();
            for (Expr candidate : in.candidates()) {
                requireNotMissing(candidate, "IN");
                candidates.add(operand(candidate));
            }
            return at(in.position(), () -> Condition.in(operand(in.operand()), candidates));
        }
        if (expr instanceof Expr.And and) {
            return Condition.and(and.operands().stream().map(this::condition).toArray(Condition[]::new));
        }
        if (expr instanceof Expr.Or or) {
            return Condition.or(or.operands().stream().map(this::condition).toArray(Condition[]::new));
        }
        if (expr instanceof Expr.Not not) {
            return Condition.not(condition(not.operand()));
        }
        if (expr instanceof Expr.Is is) {
            return is(is);
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        if (expr instanceof Expr.Exists) {
            throw expr.position().invalid("EXISTS can only be used as a statement of a transaction, to check a"
                    + " condition on one item");
        }
        throw expr.position().invalid("Expected a condition here; found " + describe(expr));
    }

    /** Several conditions that must all hold, or none (empty) when there are none. */
    Optional<Condition> allOf(List<Expr> conjuncts) {
        if (conjuncts.isEmpty()) {
            return Optional.empty();
        }
        if (conjuncts.size() == 1) {
            return Optional.of(condition(conjuncts.get(0)));
        }
        return Optional.of(Condition.and(conjuncts.stream().map(this::condition).toArray(Condition[]::new)));
    }

    private Condition comparison(Expr.Comparison comparison) {
        boolean leftMissing = comparison.left() instanceof Expr.Missing;
        boolean rightMissing = comparison.right() instanceof Expr.Missing;
        if (leftMissing || rightMissing) {
            // x = MISSING is x IS MISSING, x <> MISSING is x IS NOT MISSING; nothing orders MISSING.
            if (comparison.operator().isOrdering()) {
                throw comparison.position().invalid("MISSING can only be compared with = or <>, not with "
                        + comparison.operator().symbol());
            }
            boolean equal = comparison.operator() == ComparisonOperator.EQ;
            if (leftMissing && rightMissing) {
                return equal ? TRUE : FALSE;
            }
            Condition present = present(leftMissing ? comparison.right() : comparison.left());
            return equal ? Condition.not(present) : present;
        }
        return at(comparison.position(), () -> Condition.compare(operand(comparison.left()), comparison.operator(),
                operand(comparison.right())));
    }

    private Condition is(Expr.Is is) {
        Condition test;
        if (is.kind() == Expr.Is.Kind.MISSING) {
            test = is.operand() instanceof Expr.Missing ? TRUE : Condition.not(present(is.operand()));
        } else if (is.operand() instanceof Expr.PathRef ref) {
            test = Condition.attributeType(ref.path(), AttributeType.NULL);
        } else if (is.operand() instanceof Expr.Missing || is.operand() instanceof Expr.Call) {
            test = FALSE;
        } else {
            test = value(is.operand()).type() == AttributeType.NULL ? TRUE : FALSE;
        }
        return is.negated() ? Condition.not(test) : test;
    }

    /** Whether the operand has a value: an attribute that exists, a size that applies, any constant. */
    private Condition present(Expr expr) {
        if (expr instanceof Expr.PathRef ref) {
            return Condition.attributeExists(ref.path());
        }
        Operand operand = operand(expr);
        return operand instanceof Operand.Literal ? TRUE : Condition.eq(operand, operand);
    }

    private Condition call(Expr.Call call) {
        List<Expr> arguments = call.arguments();
        Path path = arguments.isEmpty() || !(arguments.get(0) instanceof Expr.PathRef ref) ? null : ref.path();
        return at(call.position(), () -> switch (call.function()) {
            case BEGINS_WITH -> Condition.beginsWith(path, operand(arguments.get(1)));
            case CONTAINS -> Condition.contains(path, operand(arguments.get(1)));
            case ATTRIBUTE_TYPE -> Condition.attributeType(path, Operand.value(value(arguments.get(1))));
            default -> throw call.position().invalid(call.function().sqlName() + " is not a condition");
        });
    }

    /** An operand of a condition: an attribute, {@code size(path)}, or a constant. */
    Operand operand(Expr expr) {
        if (expr instanceof Expr.PathRef ref) {
            return Operand.path(ref.path());
        }
        if (expr instanceof Expr.Call call && call.function() == PartiQLFunction.SIZE) {
            return Operand.size(((Expr.PathRef) call.arguments().get(0)).path());
        }
        if (expr instanceof Expr.NamedCall call) {
            List<Operand> arguments = call.arguments().stream().map(this::operand).toList();
            return at(call.position(), () -> DistanceCalls.operand(call.name(), arguments));
        }
        if (expr instanceof Expr.Arithmetic arithmetic && !isConstant(arithmetic)) {
            throw expr.position().invalid("Arithmetic on attributes is not supported in a condition; only"
                    + " constants and parameters can be added or subtracted here");
        }
        return Operand.value(value(expr));
    }

    private static boolean isConstant(Expr expr) {
        if (expr instanceof Expr.PathRef || expr instanceof Expr.Call || expr instanceof Expr.NamedCall
                || expr instanceof Expr.Missing) {
            return false;
        }
        return expr.children().stream().allMatch(Binder::isConstant);
    }

    private static void requireNotMissing(Expr expr, String operator) {
        if (expr instanceof Expr.Missing) {
            throw expr.position().invalid("MISSING is not a value " + operator + " can compare; use IS MISSING");
        }
    }

    // ------------------------------------------------------------------ update values

    /** The right-hand side of an UPDATE's SET (not set_add or set_delete, which are actions). */
    UpdateValue updateValue(Expr expr) {
        if (expr instanceof Expr.PathRef ref) {
            return UpdateValue.path(ref.path());
        }
        if (expr instanceof Expr.Arithmetic arithmetic) {
            return UpdateValue.arithmetic(updateValue(arithmetic.left()), arithmetic.operator(),
                    updateValue(arithmetic.right()));
        }
        if (expr instanceof Expr.Call call) {
            if (call.function() == PartiQLFunction.LIST_APPEND) {
                return UpdateValue.listAppend(updateValue(call.arguments().get(0)), updateValue(call.arguments().get(1)));
            }
            throw call.position().invalid(call.function().sqlName() + " cannot be used inside a SET value here;"
                    + (call.function() == PartiQLFunction.SIZE ? " size is a condition operand"
                    : " it must be the whole value, as in SET s = " + call.function().sqlName() + "(s, <<'x'>>)"));
        }
        return UpdateValue.value(value(expr));
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a core constructor, moving a validation error it throws to the construct's position. */
    static <T> T at(Position position, Supplier<T> build) {
        try {
            return build.get();
        } catch (SkiffException e) {
            if (e.line() > 0) {
                throw e;
            }
            throw SkiffException.at(e.code(), position.line(), position.column(), e.getMessage());
        }
    }

    static String describe(Expr expr) {
        return io.skiff.parser.partiql.StatementPrinter.print(expr);
    }
}
