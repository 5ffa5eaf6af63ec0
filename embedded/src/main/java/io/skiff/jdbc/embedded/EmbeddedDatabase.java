package io.skiff.jdbc.embedded;

import io.skiff.core.schema.TableSchema;
import io.skiff.jdbc.IndexBuild;
import io.skiff.jdbc.spi.Database;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.IndexInfo;
import io.skiff.sql.api.SqlSession;
import io.skiff.storage.Engine;
import io.skiff.storage.api.ItemStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One holder's share of an embedded database that several connections may use at once. The
 * database stays open while any share is open; {@link #close()} gives this share back.
 */
public final class EmbeddedDatabase implements Database {

    private final Engine engine;
    private final SessionFactory sessions;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedDatabase(Engine engine, SessionFactory sessions, Runnable release) {
        this.engine = engine;
        this.sessions = sessions;
        this.release = release;
    }

    /** The store: the same object for every share of one database. Usable while this share is open. */
    public ItemStore store() {
        return engine;
    }

    /** Where the database keeps its data (a temporary directory for {@code mem:} databases). */
    public Path directory() {
        return engine.directory();
    }

    /** A new SQL session over the database, for one connection. */
    public SqlSession openSession() {
        return sessions.openSession();
    }

    /** A new session speaking {@code dialect} over the database, for one connection. */
    @Override
    public SqlSession openSession(Dialect dialect) {
        return sessions.openSession(dialect);
    }

    @Override
    public List<TableSchema> tables() {
        return engine.listTables();
    }

    @Override
    public List<IndexInfo> indexes() {
        List<IndexInfo> indexes = new java.util.ArrayList<>();
        for (TableSchema table : engine.listTables()) {
            engine.indexes(table.name()).forEach(index -> indexes.add(new IndexInfo(index.table(), index.name(),
                    index.attribute(), index.plugin(), index.options())));
        }
        return indexes;
    }

    /** The engine's builds: it answers without a lock, so this does not wait for the build. */
    @Override
    public List<IndexBuild> indexBuilds() {
        return engine.indexBuilds().stream().map(build -> new IndexBuild(build.table(), build.index(), build.plugin(),
                build.itemsFiled(), build.estimatedItems(), build.started())).toList();
    }

    /** Gives this share back; the last one closes the database. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
