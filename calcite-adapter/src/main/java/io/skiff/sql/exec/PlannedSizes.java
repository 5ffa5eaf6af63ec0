package io.skiff.sql.exec;

import io.skiff.sql.schema.SkiffTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableScan;

/**
 * The sizes of the tables a plan reads, as the planner weighed them when it chose the plan: the
 * cost of a scan against an index probe depends on them, so a plan is only as good as they
 * still are.
 *
 * @param rowsByTable each table's row count at planning time, by table name
 */
public record PlannedSizes(Map<String, Double> rowsByTable) {

    /** A plan that reads no table (an INSERT of values, DDL): no size can make it worse. */
    public static final PlannedSizes NONE = new PlannedSizes(Map.of());

    public PlannedSizes {
        rowsByTable = Map.copyOf(rowsByTable);
    }

    /** The tables {@code plan} reads with the sizes its planner was given for them. */
    public static PlannedSizes of(RelNode plan) {
        Map<String, Double> rows = new LinkedHashMap<>();
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                // Scans only: the table an INSERT writes is written the same way at any size.
                RelOptTable table = node instanceof TableScan ? node.getTable() : null;
                SkiffTable skiff = table == null ? null : table.unwrap(SkiffTable.class);
                if (skiff != null) {
                    rows.putIfAbsent(skiff.columns().schema().name(), skiff.plannedRows());
                }
                super.visit(node, ordinal, parent);
            }
        }.go(plan);
        return new PlannedSizes(rows);
    }

    public boolean isEmpty() {
        return rowsByTable.isEmpty();
    }

    /** The same tables with their sizes now, asking {@code sizeOf} once per table. */
    public PlannedSizes remeasured(ToDoubleFunction<String> sizeOf) {
        Map<String, Double> rows = new LinkedHashMap<>();
        rowsByTable.keySet().forEach(table -> rows.put(table, sizeOf.applyAsDouble(table)));
        return new PlannedSizes(rows);
    }
}
