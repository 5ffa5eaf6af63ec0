package io.skiff.sql;

import java.util.List;

/** A prepared statement: planned once, executed many times with different parameters. */
public interface SqlStatement {

    /** What kind of statement this is. */
    enum Kind { QUERY, DML, DDL, EXPLAIN }

    String sql();

    Kind kind();

    /** The columns of the rows a query returns; empty for DML and DDL. */
    List<ColumnInfo> columns();

    /** The {@code ?} markers, in order, with their inferred types. */
    List<ParameterInfo> parameters();

    /**
     * Runs the statement. {@code parameters} holds one Java value per marker (see
     * {@link ColumnInfo} for the value classes); {@code null} is SQL NULL.
     */
    SqlResult execute(List<Object> parameters);

    /**
     * Whether executions skip the plan compiled when the statement was prepared and call the store
     * directly: single-row {@code INSERT ... VALUES}, and queries that read one item by its full
     * key. Results are the same either way; this is for diagnostics and tests.
     */
    default boolean runsDirectly() {
        return false;
    }

    /**
     * Runs a DML statement once per parameter set and returns one update count per set. Skiff
     * commits the writes of the whole batch at once: all of them, or (on any failure) none.
     */
    default long[] executeBatch(List<List<Object>> parameterSets) {
        long[] counts = new long[parameterSets.size()];
        for (int i = 0; i < counts.length; i++) {
            SqlResult result = execute(parameterSets.get(i));
            counts[i] = result instanceof SqlResult.UpdateCount count ? count.count() : 0;
        }
        return counts;
    }
}
