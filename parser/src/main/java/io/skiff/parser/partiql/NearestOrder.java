package io.skiff.parser.partiql;

import java.util.Objects;

/**
 * Skiff's nearest-neighbour extension of SELECT, {@code ORDER BY distance(path, value) LIMIT k}:
 * the {@code k} items closest to {@code value} by a distance operator, closest first. DynamoDB
 * has no such clause; its statements never contain one.
 *
 * @param distance the call as written, e.g. {@code cosine(embedding, ?)}
 * @param attribute the argument that is a path into the item
 * @param target the other argument: a literal or a {@code ?}
 * @param count how many items at most: a whole-number literal from 1 to {@link #MAX_COUNT}, or a {@code ?}
 * @param position where the ORDER BY item starts
 */
public record NearestOrder(Expr.NamedCall distance, Expr.PathRef attribute, Expr target, Expr count,
                           Position position) {

    /**
     * The largest {@code k}: the k best items are kept in memory while the read runs, and a
     * nearest-neighbour read is one page.
     */
    public static final int MAX_COUNT = 10_000;

    public NearestOrder {
        Objects.requireNonNull(distance, "distance");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(position, "position");
    }

    /** What LIMIT takes, for messages. */
    public static final String COUNT_RULE = "LIMIT takes the number of nearest items, a whole number from 1 to "
            + MAX_COUNT;

    /** Whether a number is a valid {@code k}: whole, from 1 to {@link #MAX_COUNT}. */
    public static boolean isValidCount(java.math.BigDecimal number) {
        return number.signum() > 0 && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(java.math.BigDecimal.valueOf(MAX_COUNT)) <= 0;
    }

    /** The distance operator's name, lower case. */
    public String operator() {
        return distance.name();
    }
}
