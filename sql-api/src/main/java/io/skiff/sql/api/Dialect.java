package io.skiff.sql.api;

import io.skiff.core.error.SkiffException;
import java.util.Locale;

/** The language a session speaks: Skiff's SQL, or PartiQL in DynamoDB's dialect. */
public enum Dialect {
    /** SQL planned by Calcite (the default). */
    SQL,
    /** PartiQL as DynamoDB's {@code ExecuteStatement} takes it. */
    PARTIQL;

    /**
     * The dialect a user named, ignoring case: {@code sql} or {@code partiql}.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} naming the accepted values otherwise
     */
    public static Dialect parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.name().equals(wanted)) {
                return dialect;
            }
        }
        throw SkiffException.validation("Unknown dialect '" + name + "'; use sql or partiql");
    }

    /** The name users type: {@code sql} or {@code partiql}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
