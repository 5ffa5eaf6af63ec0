package io.skiff.sql;

import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.ddl.DdlExecutor;
import io.skiff.sql.exec.StatementPlanner;
import io.skiff.sql.partiql.PartiqlEngine;
import io.skiff.sql.partiql.PartiqlSession;
import io.skiff.sql.schema.SkiffSchema;
import io.skiff.storage.api.ItemStore;

/**
 * SQL over an {@link ItemStore}: Calcite parses, validates and plans statements, Skiff's rules
 * pick key access paths, and plans run against the store. Thread-safe; open one
 * {@link SqlSession} per connection.
 */
public final class SqlEngine {

    static {
        io.skiff.sql.exec.CalciteSettings.apply();
    }

    private final ItemStore store;
    private final StatementPlanner planner;
    private final DdlExecutor ddl;
    private final PartiqlEngine partiql;

    private SqlEngine(ItemStore store) {
        this.store = store;
        this.planner = new StatementPlanner(new SkiffSchema(store));
        this.ddl = new DdlExecutor(store);
        this.partiql = new PartiqlEngine(store, planner, java.time.Clock.systemUTC());
    }

    /** The SQL engine over a store (embedded engine or replicated store alike). */
    public static SqlEngine over(ItemStore store) {
        return new SqlEngine(store);
    }

    public ItemStore store() {
        return store;
    }

    /** A new session: cheap, single-threaded, one per connection. */
    public SqlSession openSession() {
        return openSession(true);
    }

    /**
     * A PartiQL session (DynamoDB's dialect) over the same store, planned by the same planner:
     * the entry point of {@code ExecuteStatement}, {@code BatchExecuteStatement} and
     * {@code ExecuteTransaction}.
     */
    public PartiqlSession openPartiqlSession() {
        return partiql.openSession();
    }

    /**
     * A new session speaking {@code dialect}: SQL sessions are single-threaded, one per
     * connection; PartiQL sessions run DynamoDB's dialect through the same planner (see
     * {@link io.skiff.sql.partiql.PartiqlSqlSession} for how its results look as rows).
     */
    public SqlSession openSession(Dialect dialect) {
        return switch (dialect) {
            case SQL -> openSession();
            case PARTIQL -> io.skiff.sql.partiql.PartiqlSqlSession.over(openPartiqlSession(), store);
        };
    }

    /** A session whose point lookups run generated code too: to check the direct path against. */
    SqlSession openSession(boolean directReads) {
        return new EngineSession(planner, ddl, directReads, () -> CatalogState.of(store), store, ReplanPolicy.DEFAULT);
    }

    /** A session whose statements follow table sizes by {@code policy}: to test replanning without waiting. */
    SqlSession openSession(ReplanPolicy policy) {
        return new EngineSession(planner, ddl, true, () -> CatalogState.of(store), store, policy);
    }
}
