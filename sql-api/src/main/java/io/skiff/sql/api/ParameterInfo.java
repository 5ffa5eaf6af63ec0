package io.skiff.sql.api;

/**
 * One {@code ?} marker of a prepared statement.
 *
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the SQL type name
 */
public record ParameterInfo(int jdbcType, String typeName) {
}
