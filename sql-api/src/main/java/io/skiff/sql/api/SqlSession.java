package io.skiff.sql.api;

import java.util.List;

/**
 * A SQL session over one store: what the embedded JDBC driver and the server run statements
 * through. Sessions are cheap; many may share one {@link SqlEngine}. Not thread-safe: one
 * session serves one connection.
 *
 * <p>Every failure is an {@link io.skiff.core.error.SkiffException} with a stable code; statement
 * errors carry the 1-based line and column of the fault.
 */
public interface SqlSession extends AutoCloseable {

    /** Parses, validates and plans a statement once, for many executions. */
    SqlStatement prepare(String sql);

    /** Prepares and runs a statement without parameters. */
    default SqlResult execute(String sql) {
        return prepare(sql).execute(List.of());
    }

    @Override
    void close();
}
