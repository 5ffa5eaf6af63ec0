package io.skiff.sql.schema;

import io.skiff.functions.DistanceOperator;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A distance operator as a SQL function of two values of any type, returning a nullable DOUBLE:
 * declared columns, undeclared attributes and parameters alike. Type errors are the operator's,
 * raised when a row is evaluated.
 */
final class DistanceFunction implements ScalarFunction, ImplementableFunction {

    private final DistanceOperator operator;

    DistanceFunction(DistanceOperator operator) {
        this.operator = operator;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return List.of(parameter(0, "a"), parameter(1, "b"));
    }

    private static FunctionParameter parameter(int ordinal, String name) {
        return new FunctionParameter() {
            @Override
            public int getOrdinal() {
                return ordinal;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public RelDataType getType(RelDataTypeFactory factory) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true);
            }

            @Override
            public boolean isOptional() {
                return false;
            }
        };
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory factory) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
    }

    /** Calls {@link DistanceCalls#distance} with the operator's name; nulls are the operator's to handle. */
    @Override
    public CallImplementor getImplementor() {
        String name = operator.name();
        return RexImpTable.createImplementor((translator, call, operands) -> Expressions.call(DistanceCalls.class,
                "distance", Expressions.constant(name), boxed(operands.get(0)), boxed(operands.get(1))),
                NullPolicy.NONE, false);
    }

    private static Expression boxed(Expression operand) {
        return Expressions.convert_(Expressions.box(operand), Object.class);
    }
}
