package io.skiff.sql.ddl;

import io.skiff.core.value.AttributeType;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;

/** Which attribute type a SQL column type declares. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    static AttributeType attributeType(SqlColumnDeclaration column) {
        String type = column.dataType.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        switch (type) {
            case "CHAR":
            case "VARCHAR":
            case "CHARACTER":
            case "STRING":
            case "TEXT":
                return AttributeType.S;
            case "TINYINT":
            case "SMALLINT":
            case "INTEGER":
            case "INT":
            case "BIGINT":
            case "DECIMAL":
            case "NUMERIC":
            case "DEC":
            case "REAL":
            case "FLOAT":
            case "DOUBLE":
                return AttributeType.N;
            case "BINARY":
            case "VARBINARY":
            case "BYTES":
                return AttributeType.B;
            case "BOOLEAN":
            case "BOOL":
                return AttributeType.BOOL;
            default:
                throw DdlExecutor.error(column.dataType.getParserPosition(), "Unknown or unsupported type " + type
                        + " for column '" + column.name.getSimple() + "'; use VARCHAR, a numeric type (stored"
                        + " as an exact decimal), VARBINARY or BOOLEAN, or leave the attribute undeclared");
        }
    }

    /** NOT NULL can only be kept for key columns, which are never null anyway. */
    static void checkNullability(SqlNodeList elements, List<String> keyColumns) {
        for (SqlNode element : elements) {
            if (element instanceof SqlColumnDeclaration column
                    && Boolean.FALSE.equals(column.dataType.getNullable())
                    && !keyColumns.contains(column.name.getSimple())) {
                throw DdlExecutor.error(column.getParserPosition(), "NOT NULL is only supported on PRIMARY KEY"
                        + " columns; column '" + column.name.getSimple() + "' is not one");
            }
        }
    }
}
