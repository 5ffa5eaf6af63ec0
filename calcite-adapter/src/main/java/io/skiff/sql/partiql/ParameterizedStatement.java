package io.skiff.sql.partiql;

import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a batch or a transaction, with its parameter values ({@code ?} in text order).
 *
 * @param statement the PartiQL text
 * @param parameters one value per {@code ?}
 */
public record ParameterizedStatement(String statement, List<AttributeValue> parameters) {

    public ParameterizedStatement {
        Objects.requireNonNull(statement, "statement");
        parameters = List.copyOf(parameters);
    }

    /** A statement with the given parameter values. */
    public static ParameterizedStatement of(String statement, AttributeValue... parameters) {
        return new ParameterizedStatement(statement, List.of(parameters));
    }
}
