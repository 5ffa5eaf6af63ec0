package io.skiff.sql;

import io.skiff.core.schema.TableSchema;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.ItemStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What plans depend on in the catalog: the tables and their indexes. A session forgets the
 * statements it prepared when this changes, since an index created or dropped changes the best
 * plan as much as a table does.
 */
record CatalogState(List<TableSchema> tables, List<IndexDefinition> indexes) {

    static final CatalogState EMPTY = new CatalogState(List.of(), List.of());

    static CatalogState of(ItemStore store) {
        List<TableSchema> tables = store.listTables();
        List<IndexDefinition> indexes = new ArrayList<>();
        for (TableSchema table : tables) {
            indexes.addAll(store.indexes(table.name()));
        }
        return new CatalogState(tables, indexes);
    }
}
