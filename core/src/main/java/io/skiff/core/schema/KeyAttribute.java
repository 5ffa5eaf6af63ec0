package io.skiff.core.schema;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeNames;
import io.skiff.core.value.AttributeType;
import java.util.Objects;

/**
 * A key attribute of a table: its name and its type, one of {@code S}, {@code N}, {@code B}.
 *
 * @param name the attribute name
 * @param type the attribute type
 */
public record KeyAttribute(String name, AttributeType type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        AttributeNames.validateKeyName(name);
        if (!type.isScalarKeyType()) {
            throw SkiffException.validation("Key attribute '" + name + "' has type " + type
                    + "; key attributes must be of type S, N or B");
        }
    }

    public static KeyAttribute of(String name, AttributeType type) {
        return new KeyAttribute(name, type);
    }
}
