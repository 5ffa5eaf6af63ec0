package io.skiff.sql.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A secondary index as clients see it in metadata: {@code CREATE INDEX name ON table USING plugin
 * (attribute) WITH (options)}, the options with their defaults filled in.
 */
public record IndexInfo(String table, String name, String attribute, String plugin, Map<String, String> options) {

    public IndexInfo {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** How the index is built, as the statement would say it: {@code USING trigram WITH (k = v)}. */
    public String describe() {
        String with = options.entrySet().stream().map(option -> option.getKey() + " = " + option.getValue())
                .collect(Collectors.joining(", "));
        return "USING " + plugin + (with.isEmpty() ? "" : " WITH (" + with + ")");
    }
}
