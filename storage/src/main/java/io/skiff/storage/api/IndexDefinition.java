package io.skiff.storage.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A secondary index of a table, as {@code CREATE INDEX name ON table USING plugin (attribute)
 * WITH (options)} defines it: an index plugin (see {@code io.skiff.functions.IndexPlugin}) over
 * one top-level attribute. Names are unique within a table.
 *
 * @param options the plugin's options; once created, every option with its default filled in
 */
public record IndexDefinition(String name, String table, String attribute, String plugin,
                              Map<String, String> options) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(plugin, "plugin");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The same index with other options. */
    public IndexDefinition withOptions(Map<String, String> newOptions) {
        return new IndexDefinition(name, table, attribute, plugin, newOptions);
    }
}
