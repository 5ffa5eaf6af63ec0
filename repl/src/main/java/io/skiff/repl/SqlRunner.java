package io.skiff.repl;

import java.sql.SQLException;

/**
 * Runs one SQL statement and writes what it gave: the seam between the shell's loop and JDBC,
 * so the loop can be tested without a driver.
 */
public interface SqlRunner {

    /**
     * Runs one statement (without its terminating {@code ;}) and writes its rows or its
     * confirmation.
     *
     * @throws SQLException when the statement fails
     */
    void execute(String sql) throws SQLException;
}
