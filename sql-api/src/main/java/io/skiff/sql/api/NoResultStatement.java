package io.skiff.sql.api;

import java.util.List;

/** A statement with no {@code ?} markers that returns no rows: DDL, or a change of a session setting. */
public interface NoResultStatement extends SqlStatement {

    @Override
    default List<ColumnInfo> columns() {
        return List.of();
    }

    @Override
    default List<ParameterInfo> parameters() {
        return List.of();
    }
}
