package io.skiff.repl;

import io.skiff.jdbc.SessionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements the shell writes itself (imports, exports, sampling for completion): always SQL,
 * whatever dialect the user is writing in.
 */
public final class ShellSql {

    private ShellSql() {
    }

    /** A statement whose texts are SQL. */
    public static Statement createStatement(Connection connection) throws SQLException {
        if (connection.isWrapperFor(SessionSettings.class)) {
            return connection.unwrap(SessionSettings.class).createStatementIn(Session.SQL);
        }
        return connection.createStatement();
    }

    /** {@code sql} prepared as SQL. */
    public static PreparedStatement prepareStatement(Connection connection, String sql) throws SQLException {
        if (connection.isWrapperFor(SessionSettings.class)) {
            return connection.unwrap(SessionSettings.class).prepareStatementIn(Session.SQL, sql);
        }
        return connection.prepareStatement(sql);
    }
}
