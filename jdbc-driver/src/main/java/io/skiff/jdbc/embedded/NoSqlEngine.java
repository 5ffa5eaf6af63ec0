package io.skiff.jdbc.embedded;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.SqlSession;
import io.skiff.sql.SqlStatement;

/**
 * The session of a build without the SQL engine: connections open and report metadata, every
 * statement fails with a message saying why. It goes away when {@link EmbeddedDatabases#sessionFactory}
 * returns the engine's sessions.
 */
final class NoSqlEngine implements SqlSession {

    @Override
    public SqlStatement prepare(String sql) {
        throw new SkiffException(ErrorCode.INTERNAL_ERROR,
                "This build of Skiff has no SQL engine yet, so statements cannot run; database metadata is available");
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}
