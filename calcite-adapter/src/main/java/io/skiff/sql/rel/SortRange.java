package io.skiff.sql.rel;

import io.skiff.storage.api.SortKeyCondition;
import java.util.Optional;

/**
 * A sort-key condition of a range scan, with its operands still unresolved.
 *
 * @param operator the storage comparison
 * @param value the operand (the lower bound for BETWEEN, the prefix for BEGINS_WITH)
 * @param upper the upper bound of BETWEEN
 */
public record SortRange(SortKeyCondition.Operator operator, ValueSource value, Optional<ValueSource> upper) {

    String describe() {
        switch (operator) {
            case EQ:
                return "= " + value.describe();
            case LT:
                return "< " + value.describe();
            case LE:
                return "<= " + value.describe();
            case GT:
                return "> " + value.describe();
            case GE:
                return ">= " + value.describe();
            case BETWEEN:
                return "between " + value.describe() + " and " + upper.orElseThrow().describe();
            default:
                return "begins with " + value.describe();
        }
    }
}
