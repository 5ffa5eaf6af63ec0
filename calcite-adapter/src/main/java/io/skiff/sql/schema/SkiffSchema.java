package io.skiff.sql.schema;

import io.skiff.core.schema.TableSchema;
import io.skiff.storage.api.ItemStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The Calcite schema over a store's catalog. It asks the store on every lookup (one catalog
 * lookup by name), so a table created or dropped is seen by the next statement at once.
 */
public final class SkiffSchema extends AbstractSchema {

    static {
        io.skiff.sql.exec.CalciteSettings.apply();
    }

    /** The name of the schema in SQL, also the default schema of every session. */
    public static final String NAME = "skiff";

    private final ItemStore store;

    public SkiffSchema(ItemStore store) {
        this.store = store;
    }

    /** Looks a table up by name in the catalog, instead of listing every table for each lookup. */
    @Override
    public Lookup<Table> tables() {
        return new CompatibilityLookup<>(
                name -> store.findTable(name).map(schema -> (Table) new SkiffTable(store, schema)).orElse(null),
                () -> getTableMap().keySet());
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableSchema schema : store.listTables()) {
            tables.put(schema.name(), new SkiffTable(store, schema));
        }
        return tables;
    }

    /**
     * The distance operators, each under its name in lower and in upper case (identifiers are
     * case-sensitive in Skiff's SQL).
     */
    @Override
    protected com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> getFunctionMultimap() {
        return FUNCTIONS;
    }

    /** Built once: Calcite asks for the map on every function lookup. */
    private static final com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> FUNCTIONS =
            functions();

    private static com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> functions() {
        com.google.common.collect.ImmutableMultimap.Builder<String, org.apache.calcite.schema.Function> functions =
                com.google.common.collect.ImmutableMultimap.builder();
        for (io.skiff.functions.DistanceOperator operator : DistanceCalls.OPERATORS.all()) {
            DistanceFunction function = new DistanceFunction(operator);
            functions.put(operator.name().toLowerCase(java.util.Locale.ROOT), function);
            functions.put(operator.name().toUpperCase(java.util.Locale.ROOT), function);
        }
        for (var aggregate : java.util.Map.of("approx_distinct", EstimatorAggregates.ApproxDistinct.class,
                "approx_frequency", EstimatorAggregates.ApproxFrequency.class).entrySet()) {
            org.apache.calcite.schema.Function function =
                    org.apache.calcite.schema.impl.AggregateFunctionImpl.create(aggregate.getValue());
            functions.put(aggregate.getKey(), function);
            functions.put(aggregate.getKey().toUpperCase(java.util.Locale.ROOT), function);
        }
        return functions.build();
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
