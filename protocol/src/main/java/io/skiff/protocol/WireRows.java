package io.skiff.protocol;

import com.google.protobuf.ByteString;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.v1.Column;
import io.skiff.protocol.v1.Parameter;
import io.skiff.protocol.v1.SqlValue;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.JavaValues;
import io.skiff.sql.api.ParameterInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Rows, parameters and column descriptions of the SQL service on the wire. A value's member says
 * which Java class it stands for ({@link ColumnInfo} lists them), so a value reads back as the
 * same class and the same value.
 */
public final class WireRows {

    private WireRows() {
    }

    /** The wire form of a column or parameter value. */
    public static SqlValue toWire(Object value) {
        SqlValue.Builder wire = SqlValue.newBuilder();
        if (value == null) {
            wire.setNull(true);
        } else if (value instanceof String s) {
            wire.setString(s);
        } else if (value instanceof BigDecimal d) {
            wire.setDecimal(d.toString());
        } else if (value instanceof Long l) {
            wire.setInt64(l);
        } else if (value instanceof Integer i) {
            wire.setInt32(i);
        } else if (value instanceof Double d) {
            wire.setDouble(d);
        } else if (value instanceof Boolean b) {
            wire.setBool(b);
        } else if (value instanceof byte[] bytes) {
            wire.setBytes(ByteString.copyFrom(bytes));
        } else if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            wire.setDocument(ProtoValues.toProto(JavaValues.toAttribute(value)));
        } else {
            throw SkiffException.validation("A value of Java type " + value.getClass().getSimpleName()
                    + " cannot be sent; use String, numbers, Boolean, byte[], Map, List or Set");
        }
        return wire.build();
    }

    /** The Java value a wire value stands for. */
    public static Object fromWire(SqlValue wire) {
        return switch (wire.getValueCase()) {
            case NULL, VALUE_NOT_SET -> null;
            case STRING -> wire.getString();
            case DECIMAL -> decimal(wire.getDecimal());
            case INT64 -> wire.getInt64();
            case INT32 -> wire.getInt32();
            case DOUBLE -> wire.getDouble();
            case BOOL -> wire.getBool();
            case BYTES -> wire.getBytes().toByteArray();
            case DOCUMENT -> JavaValues.toJava(ProtoValues.fromProto(wire.getDocument()));
        };
    }

    /** Wire values in order as Java values. */
    public static List<Object> fromWire(List<SqlValue> wire) {
        List<Object> values = new ArrayList<>(wire.size());
        wire.forEach(v -> values.add(fromWire(v)));
        return values;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw SkiffException.validation("'" + text + "' is not a decimal number");
        }
    }

    public static Column toWire(ColumnInfo column) {
        return Column.newBuilder().setName(column.name()).setJdbcType(column.jdbcType())
                .setTypeName(column.typeName()).setNullable(column.nullable()).setPrecision(column.precision())
                .setScale(column.scale()).setTableName(column.tableName()).build();
    }

    public static ColumnInfo fromWire(Column wire) {
        return new ColumnInfo(wire.getName(), wire.getJdbcType(), wire.getTypeName(), wire.getNullable(),
                wire.getPrecision(), wire.getScale(), wire.getTableName());
    }

    public static Parameter toWire(ParameterInfo parameter) {
        return Parameter.newBuilder().setJdbcType(parameter.jdbcType()).setTypeName(parameter.typeName()).build();
    }

    public static ParameterInfo fromWire(Parameter wire) {
        return new ParameterInfo(wire.getJdbcType(), wire.getTypeName());
    }
}
