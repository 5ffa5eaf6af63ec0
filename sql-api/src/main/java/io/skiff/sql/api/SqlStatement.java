package io.skiff.sql.api;

import java.util.List;
import java.util.Optional;

/** A prepared statement: planned once, executed many times with different parameters. */
public interface SqlStatement {

    /**
     * What kind of statement this is: a query, a change of data, a change of tables, an
     * explanation, or a change of a setting of the session (such as its read consistency).
     */
    enum Kind { QUERY, DML, DDL, EXPLAIN, SESSION }

    String sql();

    Kind kind();

    /** The columns of the rows a query returns; empty for DML and DDL. */
    List<ColumnInfo> columns();

    /** The {@code ?} markers, in order, with their inferred types. */
    List<ParameterInfo> parameters();

    /**
     * Runs the statement. {@code parameters} holds one Java value per marker (see
     * {@link ColumnInfo} for the value classes); {@code null} is SQL NULL. The execution, and the
     * reading of the rows it returns, stop with {@code QUERY_CANCELLED} or {@code QUERY_TIMEOUT}
     * when {@code interruption} says so; a stopped write statement has written nothing.
     */
    SqlResult execute(List<Object> parameters, Interruption interruption);

    /** Runs the statement without a time limit; see {@link #execute(List, Interruption)}. */
    default SqlResult execute(List<Object> parameters) {
        return execute(parameters, Interruption.unlimited());
    }

    /**
     * Whether executions skip the plan compiled when the statement was prepared and call the store
     * directly: single-row {@code INSERT ... VALUES}, and queries that read one item by its full
     * key. Results are the same either way; this is for diagnostics and tests.
     */
    default boolean runsDirectly() {
        return false;
    }

    /**
     * The marker that names the one partition every execution touches, when there is one: a
     * point read or write by partition key, such as {@code UPDATE t SET n = 1 WHERE pk = ?}.
     * Only a routing hint: the statement runs correctly wherever it is sent.
     */
    default Optional<RoutingKey> routingKey() {
        return Optional.empty();
    }

    /**
     * Runs a DML statement once per parameter set and returns one update count per set. Skiff
     * commits the writes of the whole batch at once: all of them, or (on any failure) none.
     */
    default long[] executeBatch(List<List<Object>> parameterSets) {
        return executeBatch(parameterSets, Interruption.unlimited());
    }

    /** {@link #executeBatch(List)} that stops when {@code interruption} says so. */
    default long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
        long[] counts = new long[parameterSets.size()];
        for (int i = 0; i < counts.length; i++) {
            SqlResult result = execute(parameterSets.get(i), interruption);
            counts[i] = result instanceof SqlResult.UpdateCount count ? count.count() : 0;
        }
        return counts;
    }
}
