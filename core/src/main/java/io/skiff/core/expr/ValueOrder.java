package io.skiff.core.expr;

import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import java.util.OptionalInt;

/**
 * The order used by {@code <}, {@code <=}, {@code >}, {@code >=} and {@code BETWEEN}: numbers
 * numerically, strings by code point (the order of their UTF-8 bytes, as key order is), binaries
 * as unsigned bytes. Values of other types, or of two different types, have no order.
 */
final class ValueOrder {

    private ValueOrder() {
    }

    /** Whether values of this type can be ordered at all. */
    static boolean isOrdered(AttributeType type) {
        return type == AttributeType.N || type == AttributeType.S || type == AttributeType.B;
    }

    /** The sign of {@code a - b}, or empty when the two cannot be ordered. */
    static OptionalInt compare(AttributeValue a, AttributeValue b) {
        if (a instanceof NumberValue x && b instanceof NumberValue y) {
            return OptionalInt.of(x.compareTo(y));
        }
        if (a instanceof StringValue x && b instanceof StringValue y) {
            return OptionalInt.of(StringValue.compareCodePoints(x.value(), y.value()));
        }
        if (a instanceof BinaryValue x && b instanceof BinaryValue y) {
            return OptionalInt.of(x.value().compareTo(y.value()));
        }
        return OptionalInt.empty();
    }

    /**
     * Rejects a literal that an ordering operator could never accept. Values read from the item
     * are not checked: a stored value of another type just makes the comparison false.
     */
    static void requireOrderedIfLiteral(String operator, Operand operand) {
        if (operand instanceof Operand.Literal literal && !isOrdered(literal.value().type())) {
            throw ExprErrors.incorrectOperandType(operator, operand, literal.value().type());
        }
    }
}
