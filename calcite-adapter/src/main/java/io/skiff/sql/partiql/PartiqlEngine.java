package io.skiff.sql.partiql;

import io.skiff.sql.exec.StatementPlanner;
import io.skiff.storage.api.ItemStore;
import java.time.Clock;
import java.util.Objects;

/**
 * PartiQL over one store: what {@link io.skiff.sql.SqlEngine#openPartiqlSession()} hands its
 * sessions. It shares the SQL engine's planner, keeps the prepared statements and the
 * transaction client tokens that every session sees. Thread-safe.
 */
public final class PartiqlEngine {

    private final ItemStore store;
    private final PreparedStatements prepared;
    private final ClientTokens<TransactionResult> clientTokens;

    /**
     * The PartiQL engine over a store, planning reads with the SQL engine's planner.
     *
     * @param clock the time that client tokens of transactions expire by
     */
    public PartiqlEngine(ItemStore store, StatementPlanner planner, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        AccessPlanner access = new AccessPlanner(Objects.requireNonNull(planner, "planner"));
        this.prepared = new PreparedStatements(store, new StatementCompiler(store, access));
        this.clientTokens = new ClientTokens<>(Objects.requireNonNull(clock, "clock"));
    }

    /** A new session: cheap; sessions share this engine's prepared statements. */
    public PartiqlSession openSession() {
        return new PartiqlSession(this);
    }

    ItemStore store() {
        return store;
    }

    PartiqlStatement prepare(String text) {
        return prepared.prepare(text);
    }

    ClientTokens<TransactionResult> clientTokens() {
        return clientTokens;
    }
}
