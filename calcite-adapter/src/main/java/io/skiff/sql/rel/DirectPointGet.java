package io.skiff.sql.rel;

import io.skiff.sql.typing.RuntimeValues;
import io.skiff.sql.typing.TypedOperators;
import io.skiff.sql.schema.SkiffTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The direct path of a prepared point lookup such as {@code SELECT name, _doc['city'] FROM t
 * WHERE pk = ?}. Calcite still validates and plans the statement when it is prepared, and
 * EXPLAIN shows that plan. When the chosen plan is exactly a projection of columns, {@code _doc}
 * and {@code ITEM} lookups with literal keys over a point get by one full key, with no condition
 * left over, each execution does one store get and builds its row here instead of running the
 * generated plan: the same key conversion and checks, the same decoded attributes, and the same
 * runtime functions for item lookups, so the values are those the plan would give.
 */
public final class DirectPointGet {

    private final TableReader reader;
    /** The value of each result column, or null when the result is the table row itself. */
    private final ColumnValue[] columns;

    private DirectPointGet(TableReader reader, ColumnValue[] columns) {
        this.reader = reader;
        this.columns = columns;
    }

    /** The direct path of an optimized, enumerable plan, when the plan has that shape. */
    public static Optional<DirectPointGet> of(RelNode plan) {
        RelNode below = plan;
        RexProgram program = null;
        if (plan instanceof EnumerableCalc calc) {
            if (calc.getProgram().getCondition() != null) {
                return Optional.empty();
            }
            program = calc.getProgram();
            below = calc.getInput();
        }
        if (!(below instanceof SkiffToEnumerableConverter converter)
                || !(converter.getInput() instanceof SkiffAccess access)
                || !(access.getInput() instanceof SkiffTableScan)
                || !(access.path() instanceof AccessPath.PointGet get) || get.partitionKeys().size() != 1) {
            return Optional.empty();
        }
        SkiffRel.Implementor read = new SkiffRel.Implementor();
        read.visitChild(access);
        SkiffTable table = read.table;
        if (get.sortKey().isPresent() != table.columns().schema().sortKey().isPresent()) {
            return Optional.empty();
        }
        ColumnValue[] columns = null;
        if (program != null) {
            List<RexLocalRef> projects = program.getProjectList();
            columns = new ColumnValue[projects.size()];
            for (int i = 0; i < columns.length; i++) {
                Optional<ColumnValue> value = valueOf(program.expandLocalRef(projects.get(i)));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                columns[i] = value.get();
            }
        }
        return Optional.of(new DirectPointGet(table.reader(get, converter.decodedAttributes()), columns));
    }

    /**
     * How to compute a projected expression from the table row, for the expressions whose
     * generated code is a plain read: a column, a cast the code generator leaves out, or ITEM.
     */
    private static Optional<ColumnValue> valueOf(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return Optional.of(new Column(ref.getIndex()));
        }
        if (!(node instanceof RexCall call)) {
            return Optional.empty();
        }
        if (call.getKind() == SqlKind.CAST) {
            // Calcite's code generator omits exactly these casts; DECIMAL casts check bounds.
            RexNode operand = call.getOperands().get(0);
            boolean omitted = call.getType().equals(operand.getType())
                    && operand.getType().getSqlTypeName() != SqlTypeName.DECIMAL;
            return omitted ? valueOf(operand) : Optional.empty();
        }
        if (call.getOperator() == TypedOperators.ITEM && call.getOperands().get(1) instanceof RexLiteral literal) {
            Optional<Object> key = keyOf(literal);
            return key.isEmpty() ? Optional.empty() : valueOf(call.getOperands().get(0))
                    .map(base -> new ValueItem(base, key.get()));
        }
        if (call.getKind() == SqlKind.ITEM && call.getType().getSqlTypeName() == SqlTypeName.ANY
                && call.getOperands().get(1) instanceof RexLiteral literal) {
            // ITEM on a value typed at run time became VALUE_ITEM before planning: only the document map is left.
            Optional<Object> key = keyOf(literal);
            if (key.isEmpty() || call.getOperands().get(0).getType().getSqlTypeName() != SqlTypeName.MAP) {
                return Optional.empty();
            }
            return valueOf(call.getOperands().get(0))
                    .map(base -> new MapItem(base, key.get()));
        }
        return Optional.empty();
    }

    /** The Java value generated code passes for a literal ITEM key: a String or an Integer. */
    private static Optional<Object> keyOf(RexLiteral literal) {
        SqlTypeName type = literal.getType().getSqlTypeName();
        if (type == SqlTypeName.CHAR || type == SqlTypeName.VARCHAR) {
            return Optional.ofNullable(literal.getValueAs(String.class));
        }
        if (type == SqlTypeName.INTEGER) {
            return Optional.ofNullable(literal.getValueAs(Integer.class));
        }
        return Optional.empty();
    }

    /**
     * Runs one execution: the result row in Calcite's runtime values (as the generated plan would
     * produce it), or null when no item has the key.
     */
    public Object[] read(List<Object> parameters) {
        Object[] row = reader.readOne(parameters);
        if (row == null || columns == null) {
            return row;
        }
        Object[] result = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            result[i] = columns[i].of(row);
        }
        return result;
    }

    /** One result column, computed from the table row. */
    private interface ColumnValue {
        Object of(Object[] row);
    }

    private record Column(int index) implements ColumnValue {
        @Override
        public Object of(Object[] row) {
            return row[index];
        }
    }

    /** {@code VALUE_ITEM(base, key)}: the same runtime function the generated code calls. */
    private record ValueItem(ColumnValue base, Object key) implements ColumnValue {
        @Override
        public Object of(Object[] row) {
            return RuntimeValues.item(base.of(row), key);
        }
    }

    /** {@code map[key]}, through the runtime function the generated code calls for a map. */
    private record MapItem(ColumnValue base, Object key) implements ColumnValue {
        @Override
        public Object of(Object[] row) {
            return SqlFunctions.mapItemOptional((Map<?, ?>) base.of(row), key);
        }
    }
}
