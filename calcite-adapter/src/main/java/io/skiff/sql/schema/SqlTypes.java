package io.skiff.sql.schema;

import io.skiff.core.value.AttributeType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How attribute types appear in SQL: {@code S} VARCHAR, {@code N} DECIMAL(76, 38) (see
 * {@link SkiffTypeSystem}), {@code B} VARBINARY, {@code BOOL} BOOLEAN; every other declared type,
 * and every undeclared attribute, is ANY and typed at run time.
 */
public final class SqlTypes {

    private SqlTypes() {
    }

    public static SqlTypeName nameOf(AttributeType type) {
        switch (type) {
            case S:
                return SqlTypeName.VARCHAR;
            case N:
                return SqlTypeName.DECIMAL;
            case B:
                return SqlTypeName.VARBINARY;
            case BOOL:
                return SqlTypeName.BOOLEAN;
            default:
                return SqlTypeName.ANY;
        }
    }

    public static RelDataType of(RelDataTypeFactory factory, AttributeType type, boolean nullable) {
        RelDataType sqlType = type == AttributeType.N
                ? factory.createSqlType(SqlTypeName.DECIMAL, SkiffTypeSystem.NUMBER_PRECISION,
                        SkiffTypeSystem.NUMBER_SCALE)
                : factory.createSqlType(nameOf(type));
        return factory.createTypeWithNullability(sqlType, nullable);
    }

    /**
     * The type of the document column: a map from attribute name to a value typed at run time.
     * Nullable so that an INSERT may leave it out (no undeclared attributes).
     */
    public static RelDataType document(RelDataTypeFactory factory) {
        RelDataType map = factory.createMapType(factory.createSqlType(SqlTypeName.VARCHAR),
                factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true));
        return factory.createTypeWithNullability(map, true);
    }
}
