package io.skiff.sql.schema;

import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugins;
import io.skiff.storage.api.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A secondary index of a table as the planner sees it: its definition and its plugin's method,
 * which tells which predicates it narrows and turns a predicate into a probe.
 */
public record TableIndex(IndexDefinition definition, IndexMethod method) {

    private static final IndexPlugins PLUGINS = IndexPlugins.shared();
    /** Methods are stateless: one per plugin and options, shared by every plan. */
    private static final Map<List<Object>, IndexMethod> METHODS = new ConcurrentHashMap<>();

    /** The indexes of table {@code table} of {@code store} whose plugins this process has. */
    public static List<TableIndex> of(io.skiff.storage.api.ItemStore store, String table) {
        List<TableIndex> indexes = new ArrayList<>();
        for (IndexDefinition definition : store.indexes(table)) {
            if (PLUGINS.find(definition.plugin()).isPresent()) {
                indexes.add(new TableIndex(definition, METHODS.computeIfAbsent(
                        List.of(definition.plugin(), definition.options()),
                        key -> PLUGINS.configure(definition.plugin(), definition.options()))));
            }
        }
        return indexes;
    }

    public String name() {
        return definition.name();
    }

    /** How EXPLAIN names it: {@code by_name (trigram)}. */
    public String describe() {
        return definition.name() + " (" + definition.plugin() + ")";
    }
}
