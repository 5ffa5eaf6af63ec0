package io.skiff.parser.partiql;

import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expression of a PartiQL statement: immutable, typed, and positioned at its first character.
 *
 * <p>Constant structs, lists and sets are folded into one {@link Literal} holding the
 * {@link AttributeValue} ({@code M}, {@code L}, {@code SS} or {@code NS}); only those that
 * contain a parameter, a path or a call stay {@link Struct}, {@link ListOf} or {@link SetOf}
 * nodes. {@code NOT BETWEEN} and {@code NOT IN} are a {@link Not} around the predicate.
 */
public sealed interface Expr
        permits Expr.Literal, Expr.Missing, Expr.Parameter, Expr.PathRef, Expr.Comparison, Expr.Between,
                Expr.In, Expr.And, Expr.Or, Expr.Not, Expr.Is, Expr.Call, Expr.NamedCall, Expr.Arithmetic,
                Expr.Struct, Expr.ListOf, Expr.SetOf, Expr.Exists {

    /** Where the expression starts in the statement text. */
    Position position();

    /** The direct sub-expressions, in the order they appear in the text. */
    List<Expr> children();

    /** Whether this expression is a true/false test rather than a value. */
    default boolean isCondition() {
        return false;
    }

    /** A constant: a string, number, boolean, null, or a constant struct, list or set. */
    record Literal(AttributeValue value, Position position) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** {@code MISSING}: the absence of a value, as opposed to {@code NULL}. */
    record Missing(Position position) implements Expr {
        public Missing {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** A {@code ?}; {@code index} counts the statement's parameters from 0 in text order. */
    record Parameter(int index, Position position) implements Expr {
        public Parameter {
            if (index < 0) {
                throw new IllegalArgumentException("parameter index " + index);
            }
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** An attribute or a document path inside one: {@code a}, {@code "odd name".b[2]}. */
    record PathRef(Path path, Position position) implements Expr {
        public PathRef {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** {@code left op right}; {@code !=} is {@link ComparisonOperator#NE}. */
    record Comparison(Expr left, ComparisonOperator operator, Expr right, Position position) implements Expr {
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** {@code operand BETWEEN low AND high}. */
    record Between(Expr operand, Expr low, Expr high, Position position) implements Expr {
        public Between {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand, low, high);
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** {@code operand IN [c1, c2, ...]} (or with parentheses). */
    record In(Expr operand, List<Expr> candidates, Position position) implements Expr {
        public In {
            Objects.requireNonNull(operand, "operand");
            candidates = List.copyOf(candidates);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            List<Expr> children = new ArrayList<>(candidates.size() + 1);
            children.add(operand);
            children.addAll(candidates);
            return children;
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** Conditions joined by {@code AND}: a chain {@code a AND b AND c} is one node. */
    record And(List<Expr> operands, Position position) implements Expr {
        public And {
            operands = List.copyOf(operands);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return operands;
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** Conditions joined by {@code OR}: a chain {@code a OR b OR c} is one node. */
    record Or(List<Expr> operands, Position position) implements Expr {
        public Or {
            operands = List.copyOf(operands);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return operands;
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** {@code NOT operand}. */
    record Not(Expr operand, Position position) implements Expr {
        public Not {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /** {@code operand IS [NOT] MISSING} or {@code operand IS [NOT] NULL}. */
    record Is(Expr operand, Kind kind, boolean negated, Position position) implements Expr {
        /** What {@code IS} tests for. */
        public enum Kind { MISSING, NULL }

        public Is {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }

    /**
     * A call of a function the caller of the parser declared (a distance operator such as
     * {@code levenshtein}), by its lower-case name: a value, resolved after parsing.
     */
    record NamedCall(String name, List<Expr> arguments, Position position) implements Expr {
        public NamedCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return arguments;
        }
    }

    /** A call of one of the {@link PartiQLFunction}s, with as many arguments as it takes. */
    record Call(PartiQLFunction function, List<Expr> arguments, Position position) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return arguments;
        }

        @Override
        public boolean isCondition() {
            return function.use() == PartiQLFunction.Use.CONDITION;
        }
    }

    /** {@code left + right} or {@code left - right}. */
    record Arithmetic(Expr left, ArithmeticOperator operator, Expr right, Position position) implements Expr {
        public Arithmetic {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** A struct {@code {'k': v, ...}} that is not constant; its names are distinct. */
    record Struct(List<Field> fields, Position position) implements Expr {
        public Struct {
            fields = List.copyOf(fields);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return fields.stream().map(Field::value).toList();
        }
    }

    /** One {@code 'name': value} of a {@link Struct}. */
    record Field(String name, Expr value, Position position) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A list {@code [a, b, ...]} that is not constant. */
    record ListOf(List<Expr> elements, Position position) implements Expr {
        public ListOf {
            elements = List.copyOf(elements);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return elements;
        }
    }

    /**
     * A set {@code <<a, b, ...>>} with at least one parameter; its constant elements are all
     * strings or all numbers, and distinct.
     */
    record SetOf(List<Expr> elements, Position position) implements Expr {
        public SetOf {
            elements = List.copyOf(elements);
            Objects.requireNonNull(position, "position");
        }

        @Override
        public List<Expr> children() {
            return elements;
        }
    }

    /** {@code EXISTS(SELECT ...)}: whether the query finds an item. */
    record Exists(Statement.Select query, Position position) implements Expr {
        public Exists {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(position, "position");
        }

        /** The query's own expressions are not children: they belong to another statement. */
        @Override
        public List<Expr> children() {
            return List.of();
        }

        @Override
        public boolean isCondition() {
            return true;
        }
    }
}
