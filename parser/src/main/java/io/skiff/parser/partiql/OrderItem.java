package io.skiff.parser.partiql;

import java.util.Objects;

/** One {@code ORDER BY} key of a SELECT. */
public record OrderItem(Expr.PathRef path, boolean descending, Position position) {

    public OrderItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(position, "position");
    }
}
