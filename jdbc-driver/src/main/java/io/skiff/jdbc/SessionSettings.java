package io.skiff.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The settings of a Skiff connection beyond {@link java.sql.Connection}'s, for tools such as the
 * shell: {@code connection.unwrap(SessionSettings.class)}.
 */
public interface SessionSettings {

    /** The language of the connection's statements: {@code sql} or {@code partiql}. */
    String getDialect() throws SQLException;

    /**
     * Switches the language of the statements prepared from now on; statements prepared before
     * keep theirs, and so do statements made by {@link #createStatementIn}. The connection keeps
     * its database, so nothing is reopened.
     *
     * @throws SQLException SQLState HY024 for a name other than {@code sql} or {@code partiql}
     */
    void setDialect(String dialect) throws SQLException;

    /**
     * A statement whose texts are always in {@code dialect}, whatever the connection's: for tools
     * that issue their own statements while the user writes in another dialect.
     */
    Statement createStatementIn(String dialect) throws SQLException;

    /** A statement prepared in {@code dialect}, whatever the connection's. */
    PreparedStatement prepareStatementIn(String dialect, String text) throws SQLException;

    /** How fresh the connection's reads are: {@code eventual} or {@code strong}. */
    String getConsistency() throws SQLException;

    /**
     * Makes the statements prepared from now on read at {@code consistency}: {@code strong}
     * (linearizable, on a cluster) or {@code eventual}. The same as {@code SET consistency = ...}.
     *
     * @throws SQLException SQLState HY024 for any other name
     */
    void setConsistency(String consistency) throws SQLException;
}
