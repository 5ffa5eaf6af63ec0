package io.skiff.sql.typing;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Validation-time coercion: an operand of arithmetic ({@code + - * / %}, unary minus) whose
 * type is known only at run time becomes {@code NUMBER_VALUE(operand, 'label')}, a DECIMAL. So
 * {@code age + 1} is a DECIMAL expression, typed like arithmetic on declared numbers, and a
 * non-number fails with an error naming {@code age}. Calcite's own coercions apply otherwise.
 */
public final class ArithmeticCoercion extends TypeCoercionImpl {

    public ArithmeticCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
        boolean coerced = false;
        if (isArithmetic(binding.getOperator().getKind()) && !hasIntervalOrDatetime(binding)) {
            SqlCall call = binding.getCall();
            for (int i = 0; i < binding.getOperandCount(); i++) {
                if (binding.getOperandType(i).getSqlTypeName() == SqlTypeName.ANY) {
                    SqlNode operand = call.operand(i);
                    SqlNode number = TypedOperators.NUMBER.createCall(operand.getParserPosition(), operand,
                            SqlLiteral.createCharString(Labels.of(operand), operand.getParserPosition()));
                    call.setOperand(i, number);
                    validator.deriveType(binding.getScope(), number);
                    coerced = true;
                }
            }
        }
        return super.binaryArithmeticCoercion(binding) || coerced;
    }

    private static boolean isArithmetic(SqlKind kind) {
        return kind.belongsTo(SqlKind.BINARY_ARITHMETIC) || kind == SqlKind.MINUS_PREFIX || kind == SqlKind.PLUS_PREFIX;
    }

    /** Datetime and interval arithmetic is not numeric; Skiff stores no such values anyway. */
    private static boolean hasIntervalOrDatetime(SqlCallBinding binding) {
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            if (SqlTypeUtil.isInterval(type) || SqlTypeUtil.isDatetime(type)) {
                return true;
            }
        }
        return false;
    }
}
