package io.skiff.sql.api;

import java.util.List;

/** What running a statement gives: rows, or a count of changed items. */
public sealed interface SqlResult permits SqlResult.Rows, SqlResult.UpdateCount {

    /** Rows of a query or EXPLAIN; close the cursor when done. */
    record Rows(List<ColumnInfo> columns, RowCursor cursor) implements SqlResult {
    }

    /** The number of items a DML statement changed; 0 for DDL. */
    record UpdateCount(long count) implements SqlResult {
    }
}
