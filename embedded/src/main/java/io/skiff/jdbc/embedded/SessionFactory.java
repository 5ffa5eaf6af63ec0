package io.skiff.jdbc.embedded;

import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.SqlSession;

/** Opens SQL sessions over one store: one session per JDBC connection. Thread-safe. */
@FunctionalInterface
public interface SessionFactory {

    /** A new session speaking {@code dialect}; the caller closes it. */
    SqlSession openSession(Dialect dialect);

    /** A new SQL session; the caller closes it. */
    default SqlSession openSession() {
        return openSession(Dialect.SQL);
    }
}
