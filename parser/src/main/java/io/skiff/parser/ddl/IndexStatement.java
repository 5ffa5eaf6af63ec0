package io.skiff.parser.ddl;

import io.skiff.parser.partiql.Position;
import java.util.Map;
import java.util.Objects;

/** A parsed {@code CREATE INDEX} or {@code DROP INDEX}, the same in both dialects. */
public sealed interface IndexStatement {

    /** Where the statement starts. */
    Position position();

    /**
     * {@code CREATE INDEX [IF NOT EXISTS] index ON table USING plugin (attribute) [WITH (...)]}.
     *
     * @param options option names in lower case to their values as text, in the order written
     * @param pluginPosition where the plugin's name is, for an unknown plugin or a bad option
     */
    record Create(String index, String table, String plugin, String attribute, Map<String, String> options,
                  boolean ifNotExists, Position position, Position pluginPosition) implements IndexStatement {
        public Create {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(attribute, "attribute");
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        }
    }

    /** {@code DROP INDEX [IF EXISTS] index ON table}. */
    record Drop(String index, String table, boolean ifExists, Position position) implements IndexStatement {
    }
}
