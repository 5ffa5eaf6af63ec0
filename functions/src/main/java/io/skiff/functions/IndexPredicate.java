package io.skiff.functions;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.util.Locale;
import java.util.Objects;

/** A predicate over the indexed attribute that the planner asks an index to narrow. */
public sealed interface IndexPredicate {

    /** {@code attribute = value}. */
    record Equals(AttributeValue value) implements IndexPredicate {
        public Equals {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code begins_with(attribute, prefix)} for a string prefix. */
    record Prefix(String prefix) implements IndexPredicate {
        public Prefix {
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /**
     * {@code operator(attribute, argument) <= bound}, e.g. {@code levenshtein(name, 'habibs') <= 2}.
     * The operator's name is kept lower case.
     */
    record WithinDistance(String operator, AttributeValue argument, double bound) implements IndexPredicate {
        public WithinDistance {
            operator = operator.toLowerCase(Locale.ROOT);
            Objects.requireNonNull(argument, "argument");
            if (Double.isNaN(bound)) {
                throw SkiffException.validation(operator + ": the distance bound is not a number");
            }
        }
    }

    /** {@code ORDER BY operator(attribute, argument) LIMIT k}; the operator's name is kept lower case. */
    record Nearest(String operator, AttributeValue argument, int k) implements IndexPredicate {
        public Nearest {
            operator = operator.toLowerCase(Locale.ROOT);
            Objects.requireNonNull(argument, "argument");
            if (k < 1) {
                throw SkiffException.validation(operator + ": the number of nearest items must be at least 1, not " + k);
            }
        }
    }
}
