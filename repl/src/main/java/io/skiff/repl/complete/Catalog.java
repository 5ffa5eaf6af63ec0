package io.skiff.repl.complete;

import io.skiff.repl.Identifiers;
import io.skiff.repl.Session;
import io.skiff.repl.ShellSql;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names in the database: tables, their declared columns and keys (from
 * {@link DatabaseMetaData}), and the undeclared attributes found in a sample of their items.
 *
 * <p>The static methods read afresh, for the describing commands. The instance caches what
 * completion asks for, because completion runs on every Tab, and never waits for a connection
 * still being opened. The cache is dropped whenever the session says tables may have changed.
 */
public final class Catalog {

    /** Items read per table to learn its undeclared attribute names. */
    public static final int SAMPLE_ITEMS = 20;
    /** The column of Skiff tables that holds the undeclared attributes. */
    public static final String DOCUMENT_COLUMN = "_doc";
    /** Seconds a sample may take; completion must not hang on a big scan. */
    private static final int SAMPLE_TIMEOUT_SECONDS = 2;

    /**
     * A declared column.
     *
     * @param name     its name
     * @param type     its SQL type name
     * @param jdbcType its {@link java.sql.Types} number
     * @param keyIndex 1 for the partition key, 2 for the sort key, 0 for other columns
     * @param nullable whether it may be NULL
     */
    public record Column(String name, String type, int jdbcType, int keyIndex, boolean nullable) {
    }

    private final Session session;
    private volatile List<String> tables;
    private final Map<String, List<Column>> columns = new ConcurrentHashMap<>();
    private final Map<String, List<String>> attributes = new ConcurrentHashMap<>();

    /** A cache over {@code session}'s connection. */
    public Catalog(Session session) {
        this.session = session;
        session.onSchemaChange(this::forget);
    }

    /** Drops everything cached. */
    public void forget() {
        tables = null;
        columns.clear();
        attributes.clear();
    }

    /** The table names, cached; empty while there is no connection ready. */
    public List<String> tables() {
        List<String> known = tables;
        if (known != null) {
            return known;
        }
        Optional<Connection> connection = session.connectionIfReady();
        if (connection.isEmpty()) {
            return List.of();
        }
        try {
            known = tableNames(connection.get(), "%");
        } catch (SQLException e) {
            return List.of();
        }
        tables = known;
        return known;
    }

    /** The declared columns of {@code table}, cached; empty when unknown. */
    public List<Column> columns(String table) {
        return cached(columns, table, connection -> columnsOf(connection, table));
    }

    /** Undeclared attribute names seen in a sample of {@code table}'s items, cached. */
    public List<String> attributes(String table) {
        return cached(attributes, table, connection -> sampleAttributes(connection, table, columns(table)));
    }

    private interface Reader<T> {
        List<T> read(Connection connection) throws SQLException;
    }

    private <T> List<T> cached(Map<String, List<T>> cache, String table, Reader<T> reader) {
        List<T> known = cache.get(table);
        if (known != null) {
            return known;
        }
        Optional<Connection> connection = session.connectionIfReady();
        if (connection.isEmpty()) {
            return List.of();
        }
        try {
            known = reader.read(connection.get());
        } catch (SQLException e) {
            known = List.of();
        }
        cache.put(table, known);
        return known;
    }

    // ---- reading afresh -----------------------------------------------------------------------

    /** Table names matching a JDBC search pattern, sorted. */
    public static List<String> tableNames(Connection connection, String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, null, pattern, null)) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return sorted(names);
    }

    /** The declared columns of exactly {@code table}, in table order; empty when there is no such table. */
    public static List<Column> columnsOf(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, Integer> keys = primaryKey(metaData, table);
        List<Column> found = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(null, null, exactly(metaData, table), "%")) {
            while (rows.next()) {
                if (!table.equals(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                found.add(new Column(name, rows.getString("TYPE_NAME"), rows.getInt("DATA_TYPE"), keys.getOrDefault(name, 0),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return List.copyOf(found);
    }

    /** The key columns of {@code table}: name to position (1 partition key, 2 sort key). */
    static Map<String, Integer> primaryKey(DatabaseMetaData metaData, String table) throws SQLException {
        Map<String, Integer> keys = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getPrimaryKeys(null, null, table)) {
            while (rows.next()) {
                keys.put(rows.getString("COLUMN_NAME"), rows.getInt("KEY_SEQ"));
            }
        }
        return keys;
    }

    /**
     * The undeclared attribute names in the first {@value #SAMPLE_ITEMS} items of {@code table},
     * sorted; empty for a table without a {@value #DOCUMENT_COLUMN} column.
     */
    public static List<String> sampleAttributes(Connection connection, String table, List<Column> declared)
            throws SQLException {
        if (declared.stream().noneMatch(column -> column.name().equals(DOCUMENT_COLUMN))) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Statement statement = ShellSql.createStatement(connection)) {
            statement.setQueryTimeout(SAMPLE_TIMEOUT_SECONDS);
            statement.setMaxRows(SAMPLE_ITEMS);
            try (ResultSet rows = statement.executeQuery("SELECT " + Identifiers.quote(DOCUMENT_COLUMN) + " FROM "
                    + Identifiers.quote(table) + " LIMIT " + SAMPLE_ITEMS)) {
                while (rows.next()) {
                    if (rows.getObject(1) instanceof Map<?, ?> document) {
                        document.keySet().forEach(key -> names.add(String.valueOf(key)));
                    }
                }
            }
        }
        return sorted(names);
    }

    /** A JDBC search pattern that matches {@code name} only, its {@code _} and {@code %} escaped. */
    public static String exactly(DatabaseMetaData metaData, String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
