package io.skiff.sql.typing;

import io.skiff.sql.schema.SkiffTypeSystem;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Optionality;

/**
 * The operators Skiff inserts into statements so that values typed at run time compute with
 * the rules of {@link RuntimeValues}. They appear in EXPLAIN but cannot be named in SQL: they
 * are in no operator table, which is also why their validation resolves no overloads.
 */
public final class TypedOperators {

    /** {@code NUMBER_VALUE(x, 'label')}: x as a DECIMAL, or an error naming the label. */
    public static final SqlFunction NUMBER = scalar("NUMBER_VALUE", "number",
            nullable(SqlTypeName.DECIMAL), SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER);
    /** {@code STRING_VALUE(x, 'label')}: x as a VARCHAR, or an error naming the label. */
    public static final SqlFunction STRING = scalar("STRING_VALUE", "string",
            nullable(SqlTypeName.VARCHAR), SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER);
    /** {@code BOOLEAN_VALUE(x, 'label')}: x as a BOOLEAN, or an error naming the label. */
    public static final SqlFunction BOOLEAN = scalar("BOOLEAN_VALUE", "bool",
            nullable(SqlTypeName.BOOLEAN), SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER);
    /** {@code BINARY_VALUE(x, 'label')}: x as a VARBINARY, or an error naming the label. */
    public static final SqlFunction BINARY = scalar("BINARY_VALUE", "binary",
            nullable(SqlTypeName.VARBINARY), SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER);
    /** {@code STRING_OR_NULL(x)}: x as a VARCHAR, or NULL when it is no string (for predicates). */
    public static final SqlFunction STRING_OR_NULL = scalar("STRING_OR_NULL", "stringOrNull",
            nullable(SqlTypeName.VARCHAR), SqlTypeFamily.ANY);
    /** {@code BOOLEAN_OR_NULL(x)}: x as a BOOLEAN, or NULL when it is no boolean (for predicates). */
    public static final SqlFunction BOOLEAN_OR_NULL = scalar("BOOLEAN_OR_NULL", "boolOrNull",
            nullable(SqlTypeName.BOOLEAN), SqlTypeFamily.ANY);

    public static final SqlFunction EQUALS = comparison("VALUE_EQ", "eq");
    public static final SqlFunction NOT_EQUALS = comparison("VALUE_NE", "ne");
    public static final SqlFunction LESS_THAN = comparison("VALUE_LT", "lt");
    public static final SqlFunction LESS_THAN_OR_EQUAL = comparison("VALUE_LE", "le");
    public static final SqlFunction GREATER_THAN = comparison("VALUE_GT", "gt");
    public static final SqlFunction GREATER_THAN_OR_EQUAL = comparison("VALUE_GE", "ge");
    public static final SqlFunction DISTINCT = scalar("VALUE_DISTINCT", "distinct",
            ReturnTypes.BOOLEAN, SqlTypeFamily.ANY, SqlTypeFamily.ANY);
    public static final SqlFunction NOT_DISTINCT = scalar("VALUE_NOT_DISTINCT", "notDistinct",
            ReturnTypes.BOOLEAN, SqlTypeFamily.ANY, SqlTypeFamily.ANY);

    /** {@code VALUE_ITEM(x, key)}: ITEM on a value typed at run time; NULL where there is nothing. */
    public static final SqlFunction ITEM = scalar("VALUE_ITEM", "item",
            nullable(SqlTypeName.ANY), SqlTypeFamily.ANY, SqlTypeFamily.ANY);

    /** {@code ORDER_KEY(x)}: what ORDER BY sorts a value typed at run time by. */
    public static final SqlFunction ORDER_KEY = scalar("ORDER_KEY", "orderKey",
            nullable(SqlTypeName.ANY), SqlTypeFamily.ANY);

    /** MIN over values typed at run time, in the total order of {@link ValueOrder}. */
    public static final SqlUserDefinedAggFunction MIN = aggregate("VALUE_MIN", ValueExtremes.Min.class);
    /** MAX over values typed at run time, in the total order of {@link ValueOrder}. */
    public static final SqlUserDefinedAggFunction MAX = aggregate("VALUE_MAX", ValueExtremes.Max.class);

    private TypedOperators() {
    }

    /** Whether an operator is one of these (they are never rewritten again). */
    static boolean isTyped(SqlOperator operator) {
        return operator instanceof TypedFunction || operator == MIN || operator == MAX;
    }

    private static SqlReturnTypeInference nullable(SqlTypeName type) {
        return binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            RelDataType base = type == SqlTypeName.DECIMAL
                    ? factory.createSqlType(type, SkiffTypeSystem.NUMBER_PRECISION, SkiffTypeSystem.NUMBER_SCALE)
                    : factory.createSqlType(type);
            return factory.createTypeWithNullability(base, true);
        };
    }

    private static SqlFunction comparison(String name, String method) {
        return scalar(name, method, nullable(SqlTypeName.BOOLEAN), SqlTypeFamily.ANY, SqlTypeFamily.ANY);
    }

    private static SqlFunction scalar(String name, String method, SqlReturnTypeInference returns,
                                      SqlTypeFamily... families) {
        List<SqlTypeFamily> operands = Arrays.asList(families);
        SqlOperandMetadata metadata = OperandTypes.operandMetadata(operands,
                factory -> operands.stream().map(f -> factory.createTypeWithNullability(
                        factory.createSqlType(f == SqlTypeFamily.ANY ? SqlTypeName.ANY : SqlTypeName.VARCHAR), true))
                        .toList(),
                i -> "operand" + i, i -> false);
        return new TypedFunction(name, returns, metadata, ScalarFunctionImpl.create(RuntimeValues.class, method));
    }

    private static SqlUserDefinedAggFunction aggregate(String name, Class<?> implementation) {
        AggregateFunctionImpl function = AggregateFunctionImpl.create(implementation);
        SqlOperandMetadata metadata = OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY),
                factory -> List.of(factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true)),
                i -> "value", i -> false);
        return new SqlUserDefinedAggFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                ReturnTypes.ARG0_FORCE_NULLABLE, InferTypes.ANY_NULLABLE, metadata, function, false, false,
                Optionality.FORBIDDEN);
    }

    /** A scalar function implemented by a static method of {@link RuntimeValues}. */
    private static final class TypedFunction extends SqlUserDefinedFunction {
        TypedFunction(String name, SqlReturnTypeInference returns, SqlOperandMetadata metadata,
                      org.apache.calcite.schema.Function function) {
            super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returns, InferTypes.ANY_NULLABLE,
                    metadata, function);
        }

        /** Validates the call as it is, without looking the function up by name in an operator table. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    }
}
