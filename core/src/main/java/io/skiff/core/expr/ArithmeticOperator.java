package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.NumberValue;
import java.math.BigDecimal;
import java.util.function.BinaryOperator;

/** The arithmetic of update expressions: exact decimal {@code +} and {@code -}. */
public enum ArithmeticOperator {
    PLUS("+", BigDecimal::add),
    MINUS("-", BigDecimal::subtract);

    private final String symbol;
    private final BinaryOperator<BigDecimal> operation;

    ArithmeticOperator(String symbol, BinaryOperator<BigDecimal> operation) {
        this.symbol = symbol;
        this.operation = operation;
    }

    /** The operator as written in expressions. */
    public String symbol() {
        return symbol;
    }

    /**
     * The exact result. A result that is not a storable number (too many significant digits,
     * out of range) fails with {@code VALIDATION_ERROR} naming {@code context}, the expression
     * being computed.
     */
    NumberValue apply(NumberValue left, NumberValue right, Object context) {
        try {
            return new NumberValue(operation.apply(left.value(), right.value()));
        } catch (SkiffException e) {
            throw SkiffException.validation("Cannot compute " + context + ": " + e.getMessage());
        }
    }
}
