package io.skiff.server;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One remote connection's session on the server: its prepared statements and its open cursors,
 * each known to the client by an id. The SQL session is single-threaded, so preparing takes turns.
 */
final class ClientSession {

    /** An open result read in frames: the rows left, and the interruption that stops reading them. */
    record OpenCursor(List<ColumnInfo> columns, RowCursor rows, Interruption interruption) {
    }

    private final String id = UUID.randomUUID().toString();
    private final SqlSession session;
    private final Map<String, SqlStatement> statements = new ConcurrentHashMap<>();
    private final Map<String, OpenCursor> cursors = new ConcurrentHashMap<>();
    private volatile long lastUsedNanos = System.nanoTime();

    ClientSession(SqlSession session) {
        this.session = session;
    }

    String id() {
        return id;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }

    /** Prepares {@code text}; the id names the statement in later calls. */
    String prepare(String text, java.util.function.Consumer<SqlStatement> describe) {
        SqlStatement statement;
        synchronized (session) {
            statement = session.prepare(text);
        }
        String statementId = UUID.randomUUID().toString();
        statements.put(statementId, statement);
        describe.accept(statement);
        return statementId;
    }

    SqlStatement statement(String statementId) {
        SqlStatement statement = statements.get(statementId);
        if (statement == null) {
            throw SkiffException.validation("No prepared statement '" + statementId + "' in this session: it was"
                    + " closed, or never prepared");
        }
        return statement;
    }

    void closeStatement(String statementId) {
        statements.remove(statementId);
    }

    String keep(OpenCursor cursor) {
        String cursorId = UUID.randomUUID().toString();
        cursors.put(cursorId, cursor);
        return cursorId;
    }

    OpenCursor cursor(String cursorId) {
        OpenCursor cursor = cursors.get(cursorId);
        if (cursor == null) {
            throw SkiffException.validation("No open cursor '" + cursorId + "' in this session: its rows were all"
                    + " read, or it was closed");
        }
        return cursor;
    }

    void closeCursor(String cursorId) {
        OpenCursor cursor = cursors.remove(cursorId);
        if (cursor != null) {
            cursor.rows().close();
        }
    }

    /** Closes every cursor and the session. */
    void close() {
        cursors.keySet().forEach(this::closeCursor);
        statements.clear();
        synchronized (session) {
            session.close();
        }
    }
}
