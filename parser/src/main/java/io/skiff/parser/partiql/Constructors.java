package io.skiff.parser.partiql;

import io.skiff.core.error.Messages;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structs, lists and sets written in a statement: checked, and folded into one
 * {@link Expr.Literal} when every element is a constant.
 *
 * <p>Sets follow DynamoDB's rules: not empty, all strings or all numbers (binary sets only
 * through parameters), no element twice ({@code 1} and {@code 1.0} are the same number).
 */
final class Constructors {

    private Constructors() {
    }

    static Expr struct(List<Expr.Field> fields, Position position) {
        Map<String, AttributeValue> constant = new LinkedHashMap<>();
        boolean allConstant = true;
        Set<String> names = new HashSet<>();
        for (Expr.Field field : fields) {
            if (!names.add(field.name())) {
                throw field.position().invalid("Duplicate attribute " + Messages.quote(field.name())
                        + " in a struct; each attribute name may appear once");
            }
            requireElement(field.value(), "a struct");
            if (field.value() instanceof Expr.Literal literal) {
                constant.put(field.name(), literal.value());
            } else {
                allConstant = false;
            }
        }
        return allConstant ? new Expr.Literal(MapValue.of(constant), position) : new Expr.Struct(fields, position);
    }

    static Expr list(List<Expr> elements, Position position) {
        List<AttributeValue> constant = new ArrayList<>();
        for (Expr element : elements) {
            requireElement(element, "a list");
            if (element instanceof Expr.Literal literal) {
                constant.add(literal.value());
            }
        }
        return constant.size() == elements.size()
                ? new Expr.Literal(ListValue.of(constant), position) : new Expr.ListOf(elements, position);
    }

    static Expr set(List<Expr> elements, Position position) {
        if (elements.isEmpty()) {
            throw position.invalid("A set may not be empty");
        }
        AttributeType elementType = null;
        Set<AttributeValue> seen = new LinkedHashSet<>();
        for (Expr element : elements) {
            if (element instanceof Expr.Parameter) {
                continue;
            }
            if (!(element instanceof Expr.Literal literal)
                    || (literal.value().type() != AttributeType.S && literal.value().type() != AttributeType.N)) {
                throw element.position().invalid("A set holds strings or numbers (binary sets only through"
                        + " parameters); found " + Describe.expr(element));
            }
            AttributeType type = literal.value().type();
            if (elementType == null) {
                elementType = type;
            } else if (type != elementType) {
                throw element.position().invalid("A set's elements must all be strings or all numbers;"
                        + " found " + Describe.expr(element) + " in a set of " + (elementType == AttributeType.S
                        ? "strings" : "numbers"));
            }
            if (!seen.add(literal.value())) {
                throw element.position().invalid("A set may not contain duplicates; "
                        + Describe.expr(element) + " occurs more than once");
            }
        }
        if (seen.size() < elements.size()) {
            return new Expr.SetOf(elements, position);
        }
        AttributeValue set = elementType == AttributeType.S
                ? StringSetValue.of(seen.stream().map(v -> ((StringValue) v).value()).toList())
                : NumberSetValue.of(seen.stream().map(NumberValue.class::cast).toList());
        return new Expr.Literal(set, position);
    }

    private static void requireElement(Expr element, String container) {
        if (element instanceof Expr.Missing) {
            throw element.position().invalid("MISSING is not a value and cannot be an element of " + container);
        }
        if (element.isCondition()) {
            throw element.position().invalid("Expected a value in " + container + ", but " + Describe.expr(element)
                    + " is a condition");
        }
    }
}
