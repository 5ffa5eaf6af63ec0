package io.skiff.sql.schema;

import io.skiff.core.schema.TableSchema;
import io.skiff.sql.rel.AccessPath;
import io.skiff.sql.rel.SkiffRel;
import io.skiff.sql.rel.SkiffTableScan;
import io.skiff.sql.rel.TableReader;
import io.skiff.storage.api.ItemStore;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.ExtensibleTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/** A storage table as Calcite sees it: its columns, its key, and how to read it. */
public final class SkiffTable extends AbstractTable implements TranslatableTable, ExtensibleTable {

    private final ItemStore store;
    private final TableColumns columns;
    private final RowMapper rows;
    /*
     * The planner asks for the size and the indexes many times while it plans one statement; a
     * SkiffTable is made for each lookup of the table, so asking the store once per instance keeps
     * them as fresh as the statement.
     */
    private Statistic statistic;
    private List<TableIndex> indexes;

    SkiffTable(ItemStore store, TableSchema schema) {
        this(store, new TableColumns(schema));
    }

    private SkiffTable(ItemStore store, TableColumns columns) {
        this.store = store;
        this.columns = columns;
        this.rows = new RowMapper(columns);
    }

    /** This table with undeclared attributes as extra columns, for {@code EXTEND}. */
    @Override
    public Table extend(List<RelDataTypeField> fields) {
        return new SkiffTable(store, columns.extend(fields.stream().map(RelDataTypeField::getName).toList()));
    }

    @Override
    public int getExtendedColumnOffset() {
        return columns.documentIndex() + 1 + columns.extended().size();
    }

    public ItemStore store() {
        return store;
    }

    public TableColumns columns() {
        return columns;
    }

    public RowMapper rows() {
        return rows;
    }

    /** The object plans call to read this table through an access path, decoding the given attributes. */
    public TableReader reader(AccessPath path, java.util.Optional<java.util.Set<String>> attributes) {
        return new TableReader(store, rows, path, attributes);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return columns.rowType(typeFactory);
    }

    @Override
    public Statistic getStatistic() {
        if (statistic == null) {
            int keyColumns = columns.schema().sortKey().isPresent() ? 2 : 1;
            statistic = Statistics.of(approximateRows(), List.of(ImmutableBitSet.range(keyColumns)));
        }
        return statistic;
    }

    /** The table's secondary indexes whose plugins this process has. */
    public List<TableIndex> indexes() {
        if (indexes == null) {
            indexes = TableIndex.of(store, columns.schema().name());
        }
        return indexes;
    }

    private double approximateRows() {
        return approximateRows(store, columns.schema().name());
    }

    /**
     * The size of a table as the planner weighs it: the store's estimate, at least 1; 1000 when
     * the store cannot tell (or the table is gone).
     */
    public static double approximateRows(ItemStore store, String table) {
        try {
            long items = store.approximateItemCount(table);
            return items < 0 ? 1000d : Math.max(1, items);
        } catch (io.skiff.core.error.SkiffException e) {
            return 1000d;
        }
    }

    /** The row count the planner was given for this table (asked of the store once per instance). */
    public double plannedRows() {
        return getStatistic().getRowCount();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new SkiffTableScan(context.getCluster(), context.getCluster().traitSetOf(SkiffRel.CONVENTION),
                context.getTableHints(), relOptTable, this);
    }
}
