package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;

/** Writes the rows of one query in one output format. */
public interface ResultRenderer {

    /** Reads every row of {@code rows} and writes them to {@code out}. */
    void render(RowSource rows, PrintWriter out) throws SQLException;
}
