package io.skiff.sql.api;

/**
 * One result column.
 *
 * <p>Values of a column come as these Java classes: {@code VARCHAR} {@link String},
 * {@code DECIMAL} {@link java.math.BigDecimal}, {@code BIGINT} {@link Long}, {@code INTEGER}
 * {@link Integer}, {@code DOUBLE} {@link Double}, {@code BOOLEAN} {@link Boolean},
 * {@code VARBINARY} {@code byte[]}, {@code MAP} {@code Map<String, Object>}, {@code ARRAY}
 * {@code List<Object>}, and for attributes typed at run time ({@code OTHER}) whichever of those
 * fits the stored value ({@code S} String, {@code N} BigDecimal, {@code B} byte[], {@code BOOL}
 * Boolean, {@code SS}/{@code NS}/{@code BS} Set, {@code L} List, {@code M} Map). SQL NULL and the
 * {@code NULL} attribute type are {@code null}.
 *
 * @param name the column label
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the SQL type name, e.g. {@code VARCHAR}, {@code DECIMAL}, {@code ANY}
 * @param nullable whether the column may hold NULL
 * @param precision the precision (or length) of the type; 0 when it has none
 * @param scale the scale of the type; 0 when it has none
 * @param tableName the table the column comes from, or empty
 */
public record ColumnInfo(String name, int jdbcType, String typeName, boolean nullable, int precision, int scale,
                         String tableName) {

    /** The column of every table that holds the attributes without a column of their own, as a map. */
    public static final String DOCUMENT = "_doc";
}
