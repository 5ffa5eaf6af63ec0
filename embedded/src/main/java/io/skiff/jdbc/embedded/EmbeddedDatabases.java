package io.skiff.jdbc.embedded;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.jdbc.SkiffErrors;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.ItemStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded databases open in this JVM. RocksDB lets one process open a directory once, so
 * every connection to a directory shares one {@link Engine}; the engine closes when the last
 * connection closes. {@code mem:} databases live in a temporary directory that is deleted then
 * (or, if the JVM dies first, by the next JVM that opens a {@code mem:} database).
 */
public final class EmbeddedDatabases {

    /** SQLState "object in use": the directory is locked by someone else. */


    /**
     * Guards both registries. Engines are opened and closed while holding it, so a directory is
     * never reopened while its previous engine is still closing and holding RocksDB's lock.
     */
    private static final Object LOCK = new Object();
    private static final Map<Path, Shared> BY_DIRECTORY = new HashMap<>();
    private static final Map<String, Shared> BY_MEMORY_NAME = new HashMap<>();
    private static final MemoryDirectories MEMORY_DIRECTORIES = MemoryDirectories.system();

    private EmbeddedDatabases() {
    }

    /** The SQL sessions over a store; call once per store, the factory is shared by its connections. */
    public static SessionFactory sessionFactory(ItemStore store) {
        Objects.requireNonNull(store, "store");
        return io.skiff.sql.SqlEngine.over(store)::openSession;
    }

    /**
     * A share of the durable database in {@code directory}, created if absent. Different spellings
     * of one directory (relative, with {@code ..}, through symbolic links) share one database.
     *
     * @throws SQLException SQLState 55006 when another process has the directory open
     */
    public static EmbeddedDatabase openFile(Path directory, EngineOptions options) throws SQLException {
        Path real = realDirectory(directory);
        synchronized (LOCK) {
            Shared shared = BY_DIRECTORY.get(real);
            if (shared == null) {
                shared = new Shared(openEngine(real, options), null, () -> BY_DIRECTORY.remove(real));
                BY_DIRECTORY.put(real, shared);
            }
            return shared.lease();
        }
    }

    /**
     * A share of a throw-away database. An empty {@code name} gives a fresh database of its own;
     * a non-empty one is shared with every other holder of that name in this JVM until the last
     * share closes, and then deleted.
     */
    public static EmbeddedDatabase openMemory(String name, EngineOptions options) throws SQLException {
        Objects.requireNonNull(name, "name");
        synchronized (LOCK) {
            Shared shared = name.isEmpty() ? null : BY_MEMORY_NAME.get(name);
            if (shared == null) {
                Path temporary = createTemporaryDirectory();
                Engine engine;
                try {
                    engine = openEngine(temporary, options);
                } catch (SQLException | RuntimeException e) {
                    MemoryDirectories.deleteTree(temporary);
                    throw e;
                }
                shared = new Shared(engine, temporary, name.isEmpty() ? () -> { } : () -> BY_MEMORY_NAME.remove(name));
                if (!name.isEmpty()) {
                    BY_MEMORY_NAME.put(name, shared);
                }
            }
            return shared.lease();
        }
    }

    private static Path realDirectory(Path directory) throws SQLException {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new SQLNonTransientConnectionException("Cannot use " + absolute + " as a database directory: " + e,
                    "08001", 0, e);
        }
    }

    private static Path createTemporaryDirectory() throws SQLException {
        try {
            return MEMORY_DIRECTORIES.create();
        } catch (IOException e) {
            throw new SQLNonTransientConnectionException("Cannot create a temporary directory for a mem: database: "
                    + e, "08001", 0, e);
        }
    }

    private static Engine openEngine(Path directory, EngineOptions options) throws SQLException {
        try {
            return Engine.open(directory, options);
        } catch (SkiffException e) {
            throw openFailure(directory, e);
        }
    }

    /** A directory another engine holds is a connection failure the caller cannot retry at once. */
    static SQLException openFailure(Path directory, SkiffException e) {
        if (e.code() == ErrorCode.DATABASE_IN_USE) {
            return new SQLNonTransientConnectionException("[" + e.code() + "] " + e.getMessage(),
                    e.sqlState(), e.code().number(), e);
        }
        return SkiffErrors.toSQLException(e);
    }

    /** One open engine and the number of shares handed out for it. */
    private static final class Shared {
        private final Engine engine;
        private final SessionFactory sessions;
        private final Path temporaryDirectory;
        private final Runnable unregister;
        private int shares;

        Shared(Engine engine, Path temporaryDirectory, Runnable unregister) {
            this.engine = engine;
            this.sessions = sessionFactory(engine);
            this.temporaryDirectory = temporaryDirectory;
            this.unregister = unregister;
        }

        /** Called holding {@link #LOCK}. */
        EmbeddedDatabase lease() {
            shares++;
            return new EmbeddedDatabase(engine, sessions, this::release);
        }

        private void release() {
            synchronized (LOCK) {
                if (--shares > 0) {
                    return;
                }
                unregister.run();
                try {
                    engine.close();
                } finally {
                    if (temporaryDirectory != null) {
                        MemoryDirectories.deleteTree(temporaryDirectory);
                    }
                }
            }
        }
    }
}
