package io.skiff.sql.rel;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.sql.schema.SqlValues;
import java.util.Optional;
import java.util.function.Function;

/**
 * A predicate on an indexed attribute, as a plan holds it: its argument (and bound) may be
 * {@code ?} markers, so the {@link IndexPredicate} an index probes with is made when the plan
 * runs.
 *
 * @param kind what is searched: a distance bound, nearest neighbours, equality or a prefix
 * @param operator the distance operator, for {@link Kind#WITHIN} and {@link Kind#NEAREST}
 * @param attribute the indexed attribute, for EXPLAIN
 * @param argument the value searched for
 * @param bound the largest distance kept ({@link Kind#WITHIN}), or the number of neighbours ({@link Kind#NEAREST})
 */
public record IndexSearch(Kind kind, String operator, String attribute, ValueSource argument,
                          Optional<ValueSource> bound) {

    /** What an index search looks for. */
    public enum Kind { WITHIN, NEAREST, EQUALS, PREFIX }

    /** The kind {@link io.skiff.functions.TermIndex#narrows} is asked about. */
    public String narrowsKind() {
        return switch (kind) {
            case WITHIN, NEAREST -> operator;
            case EQUALS -> io.skiff.functions.TermIndex.EQUALS;
            case PREFIX -> io.skiff.functions.TermIndex.PREFIX;
        };
    }

    /**
     * The predicate for one execution; empty when a value is SQL NULL, which no row matches
     * (a distance to NULL is NULL, and so is a comparison with it).
     */
    public Optional<IndexPredicate> resolve(Function<ValueSource, Object> values) {
        Object value = values.apply(argument);
        if (value == null) {
            return Optional.empty();
        }
        AttributeValue searched = value instanceof AttributeValue given ? given : SqlValues.fromSql(value);
        Object given = bound.map(values).orElse(null);
        Number limit = number(given);
        if (bound.isPresent() && limit == null) {
            return Optional.empty(); // NULL, or no number: the comparison holds for no row
        }
        return Optional.of(switch (kind) {
            case WITHIN -> new IndexPredicate.WithinDistance(operator, searched, limit.doubleValue());
            case NEAREST -> new IndexPredicate.Nearest(operator, searched, limit.intValue());
            case EQUALS -> new IndexPredicate.Equals(searched);
            case PREFIX -> new IndexPredicate.Prefix(searched instanceof io.skiff.core.value.StringValue text
                    ? text.value() : String.valueOf(value));
        });
    }

    /** A bound as a number: a SQL number, or a PartiQL {@code N} value; null for anything else. */
    private static Number number(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        return value instanceof NumberValue number ? number.value() : null;
    }

    /** How EXPLAIN shows it: {@code levenshtein(name, ?0) <= 2}. */
    String describe() {
        return switch (kind) {
            case WITHIN -> operator + "(" + attribute + ", " + argument.describe() + ") <= "
                    + bound.orElseThrow().describe();
            case NEAREST -> "nearest " + bound.orElseThrow().describe() + " by " + operator + "(" + attribute + ", "
                    + argument.describe() + ")";
            case EQUALS -> attribute + " = " + argument.describe();
            case PREFIX -> attribute + " LIKE " + argument.describe() + " || '%'";
        };
    }
}
