package io.skiff.sql.api;

import java.sql.Types;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * An EXPLAIN statement: the plan chosen when it was prepared, one row per line, in a column named
 * {@code PLAN}.
 *
 * @param sql the statement text as given
 * @param plan the plan, lines separated by {@code \n}
 */
public record Explanation(String sql, String plan) implements SqlStatement {
    private static final List<ColumnInfo> COLUMNS =
            List.of(new ColumnInfo("PLAN", Types.VARCHAR, "VARCHAR", false, 0, 0, ""));

    @Override
    public Kind kind() {
        return Kind.EXPLAIN;
    }

    @Override
    public List<ColumnInfo> columns() {
        return COLUMNS;
    }

    @Override
    public List<ParameterInfo> parameters() {
        return List.of();
    }

    @Override
    public SqlResult execute(List<Object> parameters, Interruption interruption) {
        interruption.check();
        Iterator<String> lines = Arrays.asList(plan.split("\n")).iterator();
        return new SqlResult.Rows(COLUMNS, new RowCursor() {
            private String line;

            @Override
            public boolean next() {
                line = lines.hasNext() ? lines.next() : null;
                return line != null;
            }

            @Override
            public Object get(int column) {
                return line;
            }

            @Override
            public void close() {
                line = null;
            }
        });
    }
}
