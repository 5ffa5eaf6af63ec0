package io.skiff.sql.schema;

import io.skiff.core.value.AttributeType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How attribute types appear in SQL: {@code S} VARCHAR, {@code B} VARBINARY, {@code BOOL}
 * BOOLEAN; every other declared type, and every undeclared attribute, is ANY and typed at run
 * time.
 *
 * <p>Numbers ({@code N}) are ANY in plans too, shown as DECIMAL in metadata: a SQL DECIMAL has a
 * fixed scale, and Calcite casts values written to a DECIMAL(p, s) column to that scale, which
 * would round numbers that Skiff must store exactly. As ANY they stay {@code BigDecimal}s with
 * their own scale, and comparisons and arithmetic on them are numeric.
 */
public final class SqlTypes {

    private SqlTypes() {
    }

    public static SqlTypeName nameOf(AttributeType type) {
        switch (type) {
            case S:
                return SqlTypeName.VARCHAR;
            case B:
                return SqlTypeName.VARBINARY;
            case BOOL:
                return SqlTypeName.BOOLEAN;
            default:
                return SqlTypeName.ANY;
        }
    }

    /** The type name metadata shows for a declared attribute: DECIMAL for numbers. */
    public static SqlTypeName displayNameOf(AttributeType type) {
        return type == AttributeType.N ? SqlTypeName.DECIMAL : nameOf(type);
    }

    public static RelDataType of(RelDataTypeFactory factory, AttributeType type, boolean nullable) {
        return factory.createTypeWithNullability(factory.createSqlType(nameOf(type)), nullable);
    }

    /** The type of the document column: a map from attribute name to a value typed at run time. */
    public static RelDataType document(RelDataTypeFactory factory) {
        RelDataType map = factory.createMapType(factory.createSqlType(SqlTypeName.VARCHAR),
                factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true));
        return factory.createTypeWithNullability(map, false);
    }
}
