package io.skiff.jdbc;

import io.skiff.sql.api.ParameterInfo;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The {@code ?} markers of a prepared statement, typed as the SQL engine inferred them. */
final class SkiffParameterMetaData implements ParameterMetaData {

    private final List<ParameterInfo> parameters;

    SkiffParameterMetaData(List<ParameterInfo> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    private ParameterInfo parameter(int param) throws SQLException {
        DriverErrors.checkParameterIndex(param, parameters.size());
        return parameters.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return parameters.size();
    }

    /** The engine does not say whether a marker may be NULL. */
    @Override
    public int isNullable(int param) throws SQLException {
        parameter(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return JdbcTypes.isNumeric(parameter(param).jdbcType());
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        parameter(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        parameter(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return parameter(param).jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return parameter(param).typeName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        ParameterInfo info = parameter(param);
        return JdbcTypes.className(info.jdbcType(), info.typeName());
    }

    /** Skiff has no stored procedures, so every marker is an input. */
    @Override
    public int getParameterMode(int param) throws SQLException {
        parameter(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, type);
    }
}
