package io.skiff.sql.rel;

import io.skiff.sql.schema.RowMapper;
import io.skiff.sql.schema.SkiffTable;
import io.skiff.sql.schema.TableColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The direct path of {@code INSERT INTO t (columns) VALUES (one row of ? and literals)}: the
 * statement is still validated and planned by Calcite when it is prepared, but each execution
 * builds its item straight from the parameters, with the same row mapping and writes as the
 * planned path, instead of running the generated plan for one row.
 */
public final class DirectInsert {

    private final SkiffTable table;
    private final RowMapper rows;
    private final int[] columnIndexes;
    private final ValueSource[] values;

    private DirectInsert(SkiffTable table, RowMapper rows, int[] columnIndexes, ValueSource[] values) {
        this.table = table;
        this.rows = rows;
        this.columnIndexes = columnIndexes;
        this.values = values;
    }

    /** The direct path of a statement, when it has one. */
    public static Optional<DirectInsert> of(SqlNode node, Function<String, Optional<SkiffTable>> tables) {
        if (!(node instanceof SqlInsert insert) || !(insert.getTargetTable() instanceof SqlIdentifier target)
                || insert.getTargetColumnList() == null || ((SqlNodeList) insert.getOperandList().get(0)).size() > 0
                || insert.getSource().getKind() != SqlKind.VALUES) {
            return Optional.empty();
        }
        List<SqlNode> rowsOfValues = ((SqlCall) insert.getSource()).getOperandList();
        Optional<SkiffTable> table = tables.apply(target.names.get(target.names.size() - 1));
        if (rowsOfValues.size() != 1 || table.isEmpty()) {
            return Optional.empty();
        }
        List<SqlNode> row = ((SqlCall) rowsOfValues.get(0)).getOperandList();
        SqlNodeList columns = insert.getTargetColumnList();
        if (row.size() != columns.size()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        ValueSource[] sources = new ValueSource[row.size()];
        for (int i = 0; i < row.size(); i++) {
            Optional<ValueSource> source = sourceOf(row.get(i));
            if (source.isEmpty()) {
                return Optional.empty();
            }
            sources[i] = source.get();
            String name = ((SqlIdentifier) columns.get(i)).getSimple();
            names.add(name);
            if (!table.get().columns().isColumn(name)) {
                undeclared.add(name);
            }
        }
        TableColumns extended = table.get().columns().extend(undeclared);
        int[] indexes = names.stream().mapToInt(extended::columnIndex).toArray();
        return Optional.of(new DirectInsert(table.get(), new RowMapper(extended), indexes, sources));
    }

    private static Optional<ValueSource> sourceOf(SqlNode node) {
        if (node instanceof SqlDynamicParam param) {
            return Optional.of(new ValueSource.Parameter(param.getIndex()));
        }
        if (node instanceof SqlNumericLiteral number) {
            return Optional.of(new ValueSource.Literal(number.bigDecimalValue()));
        }
        if (node instanceof SqlCharStringLiteral text) {
            return Optional.of(new ValueSource.Literal(text.getValueAs(String.class)));
        }
        if (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN) {
            return Optional.of(new ValueSource.Literal(literal.booleanValue()));
        }
        if (node instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
            return Optional.of(new ValueSource.Literal(null));
        }
        return Optional.empty();
    }

    /** The marker that holds the new item's partition key, when one does. */
    public Optional<io.skiff.sql.api.RoutingKey> routingKey() {
        io.skiff.core.schema.TableSchema schema = rows.columns().schema();
        int partitionColumn = rows.columns().columnIndex(schema.partitionKey().name());
        for (int i = 0; i < columnIndexes.length; i++) {
            if (columnIndexes[i] == partitionColumn) {
                return PlanRouting.of(schema, values[i]);
            }
        }
        return Optional.empty();
    }

    /** Inserts one item; its write goes to the batch's collector when there is one. */
    public long run(List<Object> parameters, WriteCollector collector) {
        Object[] row = new Object[rows.columns().size()];
        for (int i = 0; i < columnIndexes.length; i++) {
            row[columnIndexes[i]] = values[i] instanceof ValueSource.Parameter param
                    ? parameters.get(param.index()) : ((ValueSource.Literal) values[i]).value();
        }
        TableWriter.submit(table.store(), TableWriter.insertOf(rows.columns().schema(), rows.toItem(row)), collector);
        return 1;
    }
}
