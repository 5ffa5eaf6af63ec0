package io.skiff.repl;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to a URL; the seam that lets tests see which URL the shell connects to. */
@FunctionalInterface
public interface Connector {

    /** A new connection to {@code url}. */
    Connection connect(String url) throws SQLException;
}
