package io.skiff.repl.bulk;

import io.skiff.repl.Identifiers;
import io.skiff.repl.complete.Catalog;
import io.skiff.repl.complete.Catalog.Column;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns import records into the parameters of one {@code INSERT} with every declared column and
 * the {@code _doc} column: declared columns get their values, every other attribute goes into
 * {@code _doc}. One statement for every record, whatever attributes it has, so that records
 * can share a batch.
 *
 * <p>Values are converted by the declared column's type: CSV text to numbers, booleans or
 * binary (base64), a JSON string to binary (base64) for a binary column. Undeclared CSV fields
 * are numbers when they are written like JSON numbers ({@code 42}, {@code -1.5e3}, not
 * {@code 007}) and booleans when {@code true} or {@code false}, all without quotes; otherwise,
 * and always in quotes, they are text. A {@code _doc} field or member holding a JSON object
 * adds its attributes.
 */
final class RowBinder {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** A record that cannot be bound, with the reason for the user. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message);
        }
    }

    private final List<Column> declared;
    private final boolean hasDocument;
    private final boolean emptyIsAbsent;
    private final String sql;

    /**
     * A binder for inserts into {@code table}, whose columns are {@code columns} (with
     * {@code _doc} if it has one).
     *
     * @param emptyIsAbsent whether a {@code null} value means "no such attribute" (an empty CSV
     *                      field) rather than the NULL value (a JSON {@code null})
     */
    RowBinder(String table, List<Column> columns, boolean emptyIsAbsent) {
        this.emptyIsAbsent = emptyIsAbsent;
        this.declared = columns.stream().filter(column -> !column.name().equals(Catalog.DOCUMENT_COLUMN)).toList();
        this.hasDocument = columns.size() != declared.size();
        List<String> names = new ArrayList<>(declared.stream().map(Column::name).toList());
        if (hasDocument) {
            names.add(Catalog.DOCUMENT_COLUMN);
        }
        this.sql = "INSERT INTO " + Identifiers.quote(table) + " ("
                + names.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + names.stream().map(name -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** The statement that the parameters are for. */
    String sql() {
        return sql;
    }

    /**
     * Sets the parameters of {@code insert} to the values of {@code values}.
     *
     * @throws BadValue when a value does not fit its column, or an attribute cannot be stored
     */
    void bind(Map<String, Object> values, PreparedStatement insert) throws BadValue, SQLException {
        Map<String, Object> undeclared = new LinkedHashMap<>();
        Object document = values.get(Catalog.DOCUMENT_COLUMN);
        if (document != null) {
            undeclared.putAll(documentOf(document));
        }
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String name = value.getKey();
            if (!name.equals(Catalog.DOCUMENT_COLUMN) && declared.stream().noneMatch(c -> c.name().equals(name))) {
                if (value.getValue() != null || !emptyIsAbsent) {
                    undeclared.put(name, undeclared(value.getValue()));
                }
            }
        }
        if (!hasDocument && !undeclared.isEmpty()) {
            throw new BadValue("the table has no column " + String.join(", ", undeclared.keySet()));
        }
        for (int i = 0; i < declared.size(); i++) {
            Column column = declared.get(i);
            Object value = declaredValue(column, values.get(column.name()));
            if (value == null) {
                insert.setNull(i + 1, column.jdbcType());
            } else {
                insert.setObject(i + 1, value);
            }
        }
        if (hasDocument) {
            insert.setObject(declared.size() + 1, undeclared);
        }
    }

    private static Map<String, Object> documentOf(Object document) throws BadValue {
        if (document instanceof Map<?, ?> map) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            map.forEach((key, value) -> attributes.put(String.valueOf(key), value));
            return attributes;
        }
        if (document instanceof CsvText text) {
            try {
                return JsonValues.object(text.text());
            } catch (IOException e) {
                throw new BadValue("column " + Catalog.DOCUMENT_COLUMN + ": " + e.getMessage());
            }
        }
        throw new BadValue(Catalog.DOCUMENT_COLUMN + " must be an object of attributes");
    }

    private static Object undeclared(Object value) {
        if (!(value instanceof CsvText text)) {
            return value;
        }
        if (!text.quoted()) {
            if (JSON_NUMBER.matcher(text.text()).matches()) {
                return new BigDecimal(text.text());
            }
            if (text.text().equals("true") || text.text().equals("false")) {
                return Boolean.valueOf(text.text());
            }
        }
        return text.text();
    }

    private static Object declaredValue(Column column, Object value) throws BadValue {
        if (value instanceof CsvText text) {
            return fromText(column, text.text());
        }
        if (value instanceof String text && isBinary(column.jdbcType())) {
            return base64(column, text);
        }
        return value;
    }

    private static Object fromText(Column column, String text) throws BadValue {
        return switch (column.jdbcType()) {
            case Types.DECIMAL, Types.NUMERIC, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT,
                 Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                try {
                    yield new BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    throw new BadValue("column " + column.name() + " is a number, not '" + text + "'");
                }
            }
            case Types.BOOLEAN, Types.BIT -> switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new BadValue("column " + column.name() + " is true or false, not '" + text + "'");
            };
            case Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY, Types.BLOB -> base64(column, text);
            default -> text;
        };
    }

    private static boolean isBinary(int jdbcType) {
        return jdbcType == Types.VARBINARY || jdbcType == Types.BINARY || jdbcType == Types.LONGVARBINARY
                || jdbcType == Types.BLOB;
    }

    private static byte[] base64(Column column, String text) throws BadValue {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadValue("column " + column.name() + " is binary, written in base64; '" + text + "' is not");
        }
    }
}
