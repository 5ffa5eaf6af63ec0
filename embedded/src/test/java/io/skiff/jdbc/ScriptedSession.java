package io.skiff.jdbc;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in SQL session for testing the JDBC mapping, not the SQL engine: it answers scripted
 * statement texts with fixed rows or update counts (or failures), and records every statement
 * prepared and every execution with its parameters.
 */
final class ScriptedSession implements SqlSession {

    /** One execution: the statement text and the parameter values the driver passed. */
    record Execution(String sql, List<Object> parameters) {
    }

    private record Script(SqlStatement.Kind kind, List<ColumnInfo> columns, List<List<Object>> rows, long count,
                          RuntimeException prepareFailure, RuntimeException executeFailure) {
    }

    private final Map<String, Script> scripts = new HashMap<>();
    final List<String> prepared = new ArrayList<>();
    final List<Execution> executions = new ArrayList<>();
    final List<Cursor> cursors = new ArrayList<>();
    boolean closed;

    static ColumnInfo column(String name, int jdbcType, String typeName) {
        return new ColumnInfo(name, jdbcType, typeName, true, 0, 0, "items");
    }

    static ColumnInfo varchar(String name) {
        return column(name, Types.VARCHAR, "VARCHAR");
    }

    /** A query that returns these rows every time it runs. */
    ScriptedSession query(String sql, List<ColumnInfo> columns, List<List<Object>> rows) {
        scripts.put(sql, new Script(SqlStatement.Kind.QUERY, columns, rows, 0, null, null));
        return this;
    }

    /** A DML or DDL statement that reports this count every time it runs. */
    ScriptedSession update(String sql, SqlStatement.Kind kind, long count) {
        scripts.put(sql, new Script(kind, List.of(), List.of(), count, null, null));
        return this;
    }

    /** A DML statement that prepares fine and fails when it runs. */
    ScriptedSession failingUpdate(String sql, RuntimeException failure) {
        scripts.put(sql, new Script(SqlStatement.Kind.DML, List.of(), List.of(), 0, null, failure));
        return this;
    }

    /** A statement the engine rejects while preparing. */
    ScriptedSession failingToPrepare(String sql, RuntimeException failure) {
        scripts.put(sql, new Script(SqlStatement.Kind.QUERY, List.of(), List.of(), 0, failure, null));
        return this;
    }

    List<List<Object>> parametersOf(String sql) {
        return executions.stream().filter(e -> e.sql().equals(sql)).map(Execution::parameters).toList();
    }

    @Override
    public SqlStatement prepare(String sql) {
        Script script = scripts.get(sql);
        if (script == null) {
            throw SkiffException.at(ErrorCode.SYNTAX_ERROR, 1, 1, "Statement not scripted: " + sql);
        }
        if (script.prepareFailure() != null) {
            throw script.prepareFailure();
        }
        prepared.add(sql);
        return new Statement(sql, script);
    }

    @Override
    public void close() {
        closed = true;
    }

    private final class Statement implements SqlStatement {
        private final String sql;
        private final Script script;
        private final List<ParameterInfo> parameters;

        Statement(String sql, Script script) {
            this.sql = sql;
            this.script = script;
            long markers = sql.chars().filter(c -> c == '?').count();
            this.parameters = Collections.nCopies((int) markers, new ParameterInfo(Types.OTHER, "ANY"));
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public Kind kind() {
            return script.kind();
        }

        @Override
        public List<ColumnInfo> columns() {
            return script.columns();
        }

        @Override
        public List<ParameterInfo> parameters() {
            return parameters;
        }

        @Override
        public SqlResult execute(List<Object> values, Interruption interruption) {
            executions.add(new Execution(sql, new ArrayList<>(values)));
            if (script.executeFailure() != null) {
                throw script.executeFailure();
            }
            if (script.kind() == Kind.QUERY || script.kind() == Kind.EXPLAIN) {
                Cursor cursor = new Cursor(script.rows());
                cursors.add(cursor);
                return new SqlResult.Rows(script.columns(), cursor);
            }
            return new SqlResult.UpdateCount(script.count());
        }
    }

    /** Rows from a list; remembers whether it was closed. */
    static final class Cursor implements RowCursor {
        private final List<List<Object>> rows;
        private int position = -1;
        boolean closed;

        Cursor(List<List<Object>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            if (closed) {
                throw new IllegalStateException("cursor used after close");
            }
            position++;
            return position < rows.size();
        }

        @Override
        public Object get(int column) {
            return rows.get(position).get(column);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
