package io.skiff.repl.command;

import io.skiff.repl.complete.Catalog;
import io.skiff.repl.complete.Catalog.Column;
import io.skiff.repl.render.ListRowSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands that describe the database: {@code \dt}, {@code \d}, {@code \di} and
 * {@code \explain}. Their answers are rows in the session's format, so {@code \dt} in the json
 * format is JSON like any query's rows.
 */
final class DescribeCommands {

    private DescribeCommands() {
    }

    static List<MetaCommand> all() {
        return List.of(
                new SimpleCommand("\\dt", List.of(), "[PATTERN]", "list tables (* and ? are wildcards)",
                        ArgumentKind.TABLE, DescribeCommands::tables),
                new SimpleCommand("\\d", List.of(), "[TABLE]", "describe a table: keys, columns, indexes, attributes",
                        ArgumentKind.TABLE, DescribeCommands::describe),
                new SimpleCommand("\\di", List.of(), "[TABLE]", "list indexes", ArgumentKind.TABLE,
                        DescribeCommands::indexes),
                new SimpleCommand("\\explain", List.of(), "[STATEMENT]",
                        "show the plan of the last statement (or of STATEMENT)", ArgumentKind.TEXT,
                        DescribeCommands::explain));
    }

    private static boolean tables(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[PATTERN]");
        Connection connection = context.session().connection();
        DatabaseMetaData metaData = connection.getMetaData();
        String pattern = invocation.argument(0).map(typed -> pattern(metaData, typed)).orElse("%");
        List<Object[]> rows = new ArrayList<>();
        for (String table : Catalog.tableNames(connection, pattern)) {
            String[] keys = new String[2];
            try (ResultSet key = metaData.getPrimaryKeys(null, null, table)) {
                while (key.next()) {
                    int index = key.getInt("KEY_SEQ");
                    if (index == 1 || index == 2) {
                        keys[index - 1] = key.getString("COLUMN_NAME");
                    }
                }
            }
            rows.add(new Object[] {table, keys[0], keys[1]});
        }
        context.session().show(new ListRowSource(List.of("table", "partition key", "sort key"), rows));
        return true;
    }

    /** A typed pattern ({@code user*}) as a JDBC search pattern; other characters match themselves. */
    private static String pattern(DatabaseMetaData metaData, String typed) {
        String escape;
        try {
            escape = metaData.getSearchStringEscape();
        } catch (SQLException e) {
            escape = "";
        }
        StringBuilder pattern = new StringBuilder();
        for (char c : typed.toCharArray()) {
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                case '%', '_' -> pattern.append(escape).append(c);
                default -> pattern.append(c);
            }
        }
        return pattern.toString();
    }

    private static boolean describe(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[TABLE]");
        if (invocation.arguments().isEmpty()) {
            return tables(invocation, context);
        }
        String table = invocation.arguments().get(0);
        Connection connection = context.session().connection();
        List<Column> columns = Catalog.columnsOf(connection, table);
        if (columns.isEmpty()) {
            throw new CommandException("No table named '" + table + "' (\\dt lists the tables)");
        }
        SessionCommands.notice(context, "Table \"" + table + "\"");
        List<Object[]> rows = new ArrayList<>();
        for (Column column : columns) {
            rows.add(new Object[] {column.name(), column.type(), keyRole(column.keyIndex()),
                    column.nullable() ? "yes" : "no"});
        }
        context.session().show(new ListRowSource(List.of("column", "type", "key", "nullable"), rows));
        SessionCommands.notice(context, "Indexes:");
        context.session().show(indexRows(connection, List.of(table), false));
        List<String> attributes = Catalog.sampleAttributes(connection, table, columns);
        if (columns.stream().anyMatch(column -> column.name().equals(Catalog.DOCUMENT_COLUMN))) {
            SessionCommands.notice(context, "Undeclared attributes in the first " + Catalog.SAMPLE_ITEMS + " items: "
                    + (attributes.isEmpty() ? "none" : String.join(", ", attributes)));
        }
        return true;
    }

    private static String keyRole(int keyIndex) {
        return switch (keyIndex) {
            case 1 -> "partition key";
            case 2 -> "sort key";
            default -> null;
        };
    }

    private static boolean indexes(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[TABLE]");
        Connection connection = context.session().connection();
        List<String> tables = invocation.arguments().isEmpty() ? Catalog.tableNames(connection, "%")
                : List.of(invocation.arguments().get(0));
        if (!invocation.arguments().isEmpty() && Catalog.columnsOf(connection, tables.get(0)).isEmpty()) {
            throw new CommandException("No table named '" + tables.get(0) + "' (\\dt lists the tables)");
        }
        context.session().show(indexRows(connection, tables, true));
        return true;
    }

    /** One row per index of {@code tables}: its columns in index order. */
    private static ListRowSource indexRows(Connection connection, List<String> tables, boolean withTable)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<Object[]> rows = new ArrayList<>();
        for (String table : tables) {
            Map<String, List<String>> columnsByIndex = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            Map<String, String> using = new LinkedHashMap<>();
            try (ResultSet index = metaData.getIndexInfo(null, null, table, false, true)) {
                while (index.next()) {
                    String name = index.getString("INDEX_NAME");
                    if (name == null) {
                        continue; // table statistics, not an index
                    }
                    columnsByIndex.computeIfAbsent(name, n -> new ArrayList<>()).add(index.getString("COLUMN_NAME"));
                    unique.put(name, !index.getBoolean("NON_UNIQUE"));
                    String how = index.getString("FILTER_CONDITION");
                    using.put(name, how == null ? "primary key" : how);
                }
            }
            columnsByIndex.forEach((name, columns) -> {
                String described = String.join(", ", columns);
                String uniqueness = unique.get(name) ? "yes" : "no";
                rows.add(withTable ? new Object[] {table, name, uniqueness, described, using.get(name)}
                        : new Object[] {name, uniqueness, described, using.get(name)});
            });
        }
        List<String> header = withTable ? List.of("table", "index", "unique", "columns", "using")
                : List.of("index", "unique", "columns", "using");
        return new ListRowSource(header, rows);
    }

    private static boolean explain(Invocation invocation, CommandContext context) throws Exception {
        String statement = invocation.rawArguments().isEmpty() ? context.session().lastSql() : invocation.rawArguments();
        if (statement == null) {
            throw new CommandException("No statement to explain yet: run one first, or give one (\\explain SELECT ...)");
        }
        String sql = statement.toUpperCase(Locale.ROOT).startsWith("EXPLAIN") ? statement : "EXPLAIN PLAN FOR " + statement;
        // The statement stays the last one, so \explain can be repeated after changing settings.
        String last = context.session().lastSql();
        try {
            context.sql().execute(sql);
            return true;
        } catch (SQLException e) {
            context.errors().report(e, null, sql);
            return false;
        } finally {
            context.session().lastSql(invocation.rawArguments().isEmpty() ? last : statement);
        }
    }
}
