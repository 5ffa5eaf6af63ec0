package io.skiff.sql.rel;

import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import io.skiff.sql.schema.SqlValues;
import java.util.Optional;

/** Turns SQL values bound to key columns into key attribute values of the right type. */
final class KeyValues {

    private KeyValues() {
    }

    /**
     * The key value, or empty when the SQL value is NULL (a key never equals NULL). A value of
     * another type than the key's is an error, not an empty result, so that a wrongly bound
     * parameter is noticed.
     */
    static Optional<AttributeValue> toKey(Object sqlValue, KeyAttribute key) {
        if (sqlValue == null) {
            return Optional.empty();
        }
        AttributeValue value = SqlValues.fromSql(sqlValue);
        boolean fits = switch (key.type()) {
            case S -> value instanceof StringValue;
            case N -> value instanceof NumberValue;
            case B -> value instanceof BinaryValue;
            default -> false;
        };
        if (!fits) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' has type " + key.type()
                    + " but the statement gives a value of type " + value.type());
        }
        return Optional.of(value);
    }
}
