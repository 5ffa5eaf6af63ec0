package io.skiff.sql.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Skiff's SQL types. Wide decimals: declared numbers are {@code DECIMAL(76, 38)}, room for 38
 * digits before and 38 after the point, so that typical stored numbers (counters, ids, money,
 * coordinates, times) pass through SQL casts unchanged. Strings of different lengths never
 * become blank-padded CHAR, which would store padding the user never wrote.
 */
public final class SkiffTypeSystem extends RelDataTypeSystemImpl {

    public static final SkiffTypeSystem INSTANCE = new SkiffTypeSystem();

    /** Precision of declared numeric columns. */
    public static final int NUMBER_PRECISION = 76;
    /** Scale of declared numeric columns. */
    public static final int NUMBER_SCALE = 38;

    private SkiffTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMBER_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMBER_SCALE : super.getMaxScale(typeName);
    }

    // Calcite 1.40 still checks decimal arithmetic against these deprecated limits.
    @Override
    @SuppressWarnings("deprecation")
    public int getMaxNumericPrecision() {
        return NUMBER_PRECISION;
    }

    @Override
    @SuppressWarnings("deprecation")
    public int getMaxNumericScale() {
        return NUMBER_SCALE;
    }

    /** Rows of VALUES, CASE and UNION branches with strings of different lengths are VARCHAR, not padded CHAR. */
    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /**
     * SUM of values typed at run time is a number (each value must be one; see decision 006),
     * typed like a declared number, rather than ANY, which Calcite cannot add up.
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return argumentType.getSqlTypeName() == SqlTypeName.ANY ? number(typeFactory, argumentType)
                : super.deriveSumType(typeFactory, argumentType);
    }

    /** AVG (and the variances) of values typed at run time, like {@link #deriveSumType}. */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return argumentType.getSqlTypeName() == SqlTypeName.ANY ? number(typeFactory, argumentType)
                : super.deriveAvgAggType(typeFactory, argumentType);
    }

    private static RelDataType number(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.DECIMAL, NUMBER_PRECISION, NUMBER_SCALE), argumentType.isNullable());
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMBER_PRECISION : super.getDefaultPrecision(typeName);
    }
}
