package io.skiff.parser.partiql;

import java.util.Objects;
import java.util.Optional;

/**
 * The table a statement works on, and for a SELECT optionally one of its indexes:
 * {@code "Orders"} or {@code "Orders"."ByCustomer"}. Names are case-sensitive, quoted or not.
 */
public record TableRef(String table, Optional<String> index, Position position) {

    public TableRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(position, "position");
    }
}
