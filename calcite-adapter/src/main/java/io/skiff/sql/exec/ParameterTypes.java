package io.skiff.sql.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The types of a statement's {@code ?} markers in the order of their indexes, which is their order
 * in the text and the order values are bound in. Calcite lists them in a depth-first walk of the
 * validated statement instead, which is the same order only while no rewrite has moved a marker:
 * {@link io.skiff.sql.parse.OrderByMarkers} moves ORDER BY expressions to the end of the select
 * list, ahead of WHERE.
 */
final class ParameterTypes {

    private ParameterTypes() {
    }

    /**
     * Calcite's parameter types put in index order.
     *
     * @param validated the statement Calcite validated
     * @param parameterRowType Calcite's parameter row type of that statement
     */
    static List<RelDataType> inIndexOrder(SqlNode validated, RelDataType parameterRowType) {
        List<RelDataTypeField> walked = parameterRowType.getFieldList();
        List<Integer> indexes = indexesAsCalciteWalks(validated);
        if (indexes.size() != walked.size()) {
            // Not the walk Calcite made: keep its order rather than guess.
            return walked.stream().map(RelDataTypeField::getType).toList();
        }
        TreeMap<Integer, RelDataType> byIndex = new TreeMap<>();
        for (int i = 0; i < indexes.size(); i++) {
            byIndex.putIfAbsent(indexes.get(i), walked.get(i).getType());
        }
        return new ArrayList<>(byIndex.values());
    }

    /** The markers' indexes in the walk of {@code SqlValidator.getParameterRowType}: depth first, each node once. */
    private static List<Integer> indexesAsCalciteWalks(SqlNode validated) {
        List<Integer> indexes = new ArrayList<>();
        Set<SqlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        validated.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                if (seen.add(param)) {
                    indexes.add(param.getIndex());
                }
                return param;
            }
        });
        return indexes;
    }
}
