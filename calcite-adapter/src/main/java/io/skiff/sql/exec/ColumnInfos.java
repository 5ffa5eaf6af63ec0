package io.skiff.sql.exec;

import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.ParameterInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Describes result columns and parameters from Calcite's row types. */
final class ColumnInfos {

    private ColumnInfos() {
    }

    static List<ColumnInfo> of(RelDataType rowType) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            RelDataType type = field.getType();
            SqlTypeName name = type.getSqlTypeName();
            columns.add(new ColumnInfo(field.getName(), name.getJdbcOrdinal(), name.getName(), type.isNullable(),
                    Math.max(0, type.getPrecision()), Math.max(0, type.getScale()), ""));
        }
        // Immutable, so that callers can keep it per execution without copying it.
        return List.copyOf(columns);
    }

    /** The parameters of the types of the markers, in the markers' order. */
    static List<ParameterInfo> parameters(List<RelDataType> markerTypes) {
        List<ParameterInfo> parameters = new ArrayList<>();
        for (RelDataType type : markerTypes) {
            SqlTypeName name = type.getSqlTypeName();
            parameters.add(new ParameterInfo(name.getJdbcOrdinal(), name.getName()));
        }
        return List.copyOf(parameters);
    }
}
