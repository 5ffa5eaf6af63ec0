package io.skiff.jdbc.spi;

import io.skiff.core.schema.TableSchema;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.SqlSession;
import java.util.List;

/**
 * One connection's share of an open database, embedded or remote: what the driver's
 * {@link java.sql.Connection} runs its statements and metadata calls against.
 */
public interface Database extends AutoCloseable {

    /** A new session speaking {@code dialect}; the connection closes it. */
    SqlSession openSession(Dialect dialect);

    /** The tables of the database, for {@link java.sql.DatabaseMetaData}. */
    List<TableSchema> tables();

    /** Gives this share back; the last share of an embedded database closes it. Idempotent. */
    @Override
    void close();
}
