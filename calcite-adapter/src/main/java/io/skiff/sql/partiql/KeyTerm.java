package io.skiff.sql.partiql;

import io.skiff.core.expr.ComparisonOperator;
import io.skiff.parser.partiql.Expr;
import java.util.List;

/**
 * A top-level conjunct of a WHERE clause that a key access path can answer, with its key values
 * (each a {@link Expr.Literal} of the key's type or a {@link Expr.Parameter}).
 */
sealed interface KeyTerm {

    /** The conjunct as written. */
    Expr source();

    /** The values it compares the key with. */
    List<Expr> values();

    /** {@code pk = v}, {@code pk IN [v, ...]} or {@code pk = v OR pk = w ...}. */
    record Partition(List<Expr> values, Expr source) implements KeyTerm {
        public Partition {
            values = List.copyOf(values);
        }

        /** Whether it fixes one partition with {@code =}. */
        boolean isEquality() {
            return source instanceof Expr.Comparison;
        }
    }

    /** {@code sk op v}, the sort key on the left; {@code <>} never is one. */
    record SortComparison(ComparisonOperator operator, Expr value, Expr source) implements KeyTerm {
        @Override
        public List<Expr> values() {
            return List.of(value);
        }
    }

    /** {@code sk BETWEEN low AND high}. */
    record SortBetween(Expr low, Expr high, Expr source) implements KeyTerm {
        @Override
        public List<Expr> values() {
            return List.of(low, high);
        }
    }

    /** {@code begins_with(sk, prefix)} on an S or B sort key. */
    record SortPrefix(Expr prefix, Expr source) implements KeyTerm {
        @Override
        public List<Expr> values() {
            return List.of(prefix);
        }
    }
}
