package io.skiff.sql;

import io.skiff.core.schema.TableSchema;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.ItemStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What plans depend on in the catalog: the tables and their indexes. A session forgets the
 * statements it prepared when this changes, since an index created or dropped changes the best
 * plan as much as a table does. A store that keeps a {@linkplain ItemStore#catalogVersion()
 * catalog version} is compared by that number alone; another one by its listed tables and indexes.
 */
record CatalogState(long version, List<TableSchema> tables, List<IndexDefinition> indexes) {

    static final CatalogState EMPTY = new CatalogState(-1, List.of(), List.of());

    static CatalogState of(ItemStore store) {
        long version = store.catalogVersion();
        if (version >= 0) {
            return new CatalogState(version, List.of(), List.of());
        }
        List<TableSchema> tables = store.listTables();
        List<IndexDefinition> indexes = new ArrayList<>();
        for (TableSchema table : tables) {
            indexes.addAll(store.indexes(table.name()));
        }
        return new CatalogState(-1, tables, indexes);
    }
}
