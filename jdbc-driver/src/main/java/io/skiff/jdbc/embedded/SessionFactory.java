package io.skiff.jdbc.embedded;

import io.skiff.sql.SqlSession;

/** Opens SQL sessions over one store: one session per JDBC connection. Thread-safe. */
@FunctionalInterface
public interface SessionFactory {

    /** A new session; the caller closes it. */
    SqlSession openSession();
}
