package io.skiff.core.expr;

/** The binary comparison operators of conditions. */
public enum ComparisonOperator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in expressions, e.g. {@code <>}. */
    public String symbol() {
        return symbol;
    }

    /** Whether this operator needs its operands ordered ({@code <}, {@code <=}, {@code >}, {@code >=}). */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /** Whether a comparison result (the sign of left minus right) satisfies this operator. */
    boolean accepts(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }
}
