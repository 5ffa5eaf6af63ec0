package io.skiff.jdbc.spi;

import io.skiff.core.schema.TableSchema;
import io.skiff.jdbc.IndexBuild;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.IndexInfo;
import io.skiff.sql.api.SqlSession;
import java.util.List;

/**
 * One connection's share of an open database, embedded or remote: what the driver's
 * {@link java.sql.Connection} runs its statements and metadata calls against.
 */
public interface Database extends AutoCloseable {

    /** A new session speaking {@code dialect}; the connection closes it. */
    SqlSession openSession(Dialect dialect);

    /**
     * A new session speaking {@code dialect} whose reads are linearizable when
     * {@code strongReads}, or may be served by a replica that trails otherwise. A database with
     * one copy of the data reads it the same either way.
     */
    default SqlSession openSession(Dialect dialect, boolean strongReads) {
        return openSession(dialect);
    }

    /** The tables of the database, for {@link java.sql.DatabaseMetaData}. */
    List<TableSchema> tables();

    /** The secondary indexes of every table, for {@link java.sql.DatabaseMetaData#getIndexInfo}. */
    default List<IndexInfo> indexes() {
        return List.of();
    }

    /**
     * The index builds running in the database now, for progress reports. Called from any thread,
     * also while a statement of the same connection runs (the {@code CREATE INDEX} whose progress
     * is wanted), so it must not wait for that statement.
     */
    default List<IndexBuild> indexBuilds() {
        return List.of();
    }

    /** Gives this share back; the last share of an embedded database closes it. Idempotent. */
    @Override
    void close();
}
