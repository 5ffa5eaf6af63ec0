package io.skiff.sql;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import io.skiff.sql.exec.PlannedSizes;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * A prepared statement whose plan follows the sizes of the tables it reads: before an execution
 * (at most once per {@link ReplanPolicy#checkIntervalNanos()}) it compares the tables' sizes now
 * with those the plan was chosen for, and when one moved by more than the policy allows, plans
 * the same text again, so a scan chosen for ten items becomes an index probe at a million, and
 * back. The statement's columns and parameters never change: a new plan that would change them
 * (the catalog changed under a statement a client still holds) is not taken, nor one that fails
 * to plan; the old plan then runs as it did.
 *
 * <p>Safe to execute from several threads: a replan happens once, the others run the plan they
 * found.
 */
final class ReplanningStatement implements SqlStatement {

    /** A statement with the sizes of the tables its plan reads, as the planner saw them. */
    record Planned(SqlStatement statement, PlannedSizes sizes) {
    }

    private final Supplier<Planned> planner;
    private final ToDoubleFunction<String> sizeOf;
    private final ReplanPolicy policy;
    private volatile Planned current;
    /** When, by the policy's ticker, the sizes may next be looked at. */
    private volatile long nextCheck;
    private volatile int replans;

    /**
     * @param first the plan made at prepare time
     * @param planner plans the same text again against the catalog and sizes of now
     * @param sizeOf a table's size now, as the planner would weigh it
     */
    ReplanningStatement(Planned first, Supplier<Planned> planner, ToDoubleFunction<String> sizeOf,
                        ReplanPolicy policy) {
        this.current = first;
        this.planner = planner;
        this.sizeOf = sizeOf;
        this.policy = policy;
        this.nextCheck = policy.ticker().getAsLong() + policy.checkIntervalNanos();
    }

    /** The statement to run now: the current plan, planned again first if the sizes moved too far. */
    SqlStatement fresh() {
        if (policy.ticker().getAsLong() - nextCheck < 0) {
            return current.statement();
        }
        return checkSizes();
    }

    private synchronized SqlStatement checkSizes() {
        long now = policy.ticker().getAsLong();
        Planned planned = current;
        if (now - nextCheck < 0) {
            return planned.statement();
        }
        nextCheck = now + policy.checkIntervalNanos();
        PlannedSizes sizes = planned.sizes().remeasured(sizeOf);
        if (!policy.outdated(planned.sizes(), sizes)) {
            return planned.statement();
        }
        current = replanned(planned, sizes);
        return current.statement();
    }

    private Planned replanned(Planned planned, PlannedSizes sizes) {
        try {
            Planned again = planner.get();
            if (again.statement().kind() == planned.statement().kind()
                    && again.statement().columns().equals(planned.statement().columns())
                    && again.statement().parameters().equals(planned.statement().parameters())) {
                replans++;
                return again;
            }
        } catch (SkiffException e) {
            // The text no longer plans (its table was dropped): the old plan fails as it would have.
        }
        // Keep the plan, measured afresh, so the next look does not plan again for the same sizes.
        return new Planned(planned.statement(), sizes);
    }

    /** The plan executions run now (for tests and diagnostics). */
    SqlStatement current() {
        return current.statement();
    }

    /** How many times the statement was planned again (for tests and diagnostics). */
    int replans() {
        return replans;
    }

    @Override
    public String sql() {
        return current.statement().sql();
    }

    @Override
    public Kind kind() {
        return current.statement().kind();
    }

    @Override
    public List<ColumnInfo> columns() {
        return current.statement().columns();
    }

    @Override
    public List<ParameterInfo> parameters() {
        return current.statement().parameters();
    }

    @Override
    public SqlResult execute(List<Object> parameters, Interruption interruption) {
        return fresh().execute(parameters, interruption);
    }

    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
        return fresh().executeBatch(parameterSets, interruption);
    }

    @Override
    public boolean runsDirectly() {
        return current.statement().runsDirectly();
    }

    @Override
    public Optional<RoutingKey> routingKey() {
        return current.statement().routingKey();
    }
}
