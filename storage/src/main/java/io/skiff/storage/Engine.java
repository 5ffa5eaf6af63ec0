package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ItemLimits;
import io.skiff.storage.api.DeleteItem;
import io.skiff.functions.Probe;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.IndexBuild;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.api.WriteResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage engine: tables and items in one RocksDB database, with a persisted catalog,
 * atomic conditional writes, batches, transactions, range queries and named checkpoints.
 *
 * <p>A data directory holds the database in {@code db/} and checkpoints in
 * {@code checkpoints/<name>/}; a checkpoint is itself a data directory, so it can be opened with
 * {@link #openReadOnly} and used as a restore source. The engine is thread-safe.
 */
public final class Engine implements ItemStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final byte[] FORMAT_VERSION = {0, 0, 0, 1};
    private static final int LOCK_STRIPES = 1024;
    private static final int RESTORE_PAGE = 500;

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final EngineOptions options;
    private final RocksResources rocks;
    private final RocksDB db;
    private final Catalog catalog;
    private final ItemWriter writer;
    private final RangeReader rangeReader;
    private final Checkpoints checkpoints;
    private final Indexes indexes;
    private final BuildsInProgress builds = new BuildsInProgress();
    private final OnlineIndexBuilds onlineBuilds;
    /** Item operations share it; DDL and close take it exclusively. */
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private Engine(Path directory, EngineOptions options, RocksResources rocks, RocksDB db, Catalog catalog,
                   PreparedTransactions prepared) {
        this.directory = directory;
        this.options = options;
        this.rocks = rocks;
        this.db = db;
        this.catalog = catalog;
        KeyLocks locks = new KeyLocks(LOCK_STRIPES);
        this.writer = new ItemWriter(db, rocks, catalog, locks,
                new WriteRules(new ItemLimits(options.maxItemBytes())), prepared);
        this.rangeReader = new RangeReader(db);
        this.checkpoints = new Checkpoints(directory.resolve("checkpoints"));
        this.indexes = new Indexes(db, rocks, catalog, writer);
        this.onlineBuilds = new OnlineIndexBuilds(indexes, new IndexBackfill(db, rocks, locks), builds,
                new OnlineIndexBuilds.EngineLock() {
                    @Override
                    public <T> T shared(Supplier<T> action) {
                        return Engine.this.shared(action);
                    }

                    @Override
                    public void exclusively(Runnable action) {
                        Engine.this.exclusively(action);
                    }
                });
        indexes.rebuildFilters();
    }

    /** Builds again, in the background, every index a previous run left building (it was interrupted). */
    private void resumeBuilds() {
        if (options.readOnly()) {
            return;
        }
        for (Indexes.BuildTarget target : indexes.building()) {
            LOG.info("Index {} on {} was being built; building it again", target.index(), target.table());
            onlineBuilds.start(target);
        }
    }

    /** Opens (creating if needed) the engine whose data lives in {@code directory}. */
    public static Engine open(Path directory, EngineOptions options) {
        try {
            Files.createDirectories(directory.resolve("db"));
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Cannot create data directory " + directory + ": " + e, e);
        }
        return openExisting(directory, options);
    }

    /** Opens an existing data directory (for example a checkpoint) without write access. */
    public static Engine openReadOnly(Path directory) {
        if (!Files.isDirectory(directory.resolve("db"))) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "No Skiff data directory at " + directory);
        }
        return openExisting(directory, EngineOptions.builder().readOnly(true).build());
    }

    private static Engine openExisting(Path directory, EngineOptions options) {
        RocksResources rocks = new RocksResources(options);
        RocksDB db = null;
        try {
            String dbPath = directory.resolve("db").toString();
            db = options.readOnly() ? RocksDB.openReadOnly(rocks.options, dbPath) : RocksDB.open(rocks.options, dbPath);
            checkFormat(db, options.readOnly(), rocks);
            Catalog catalog = Catalog.load(db);
            LOG.debug("Opened storage engine at {} ({} tables)", directory, catalog.list().size());
            Engine engine = new Engine(directory, options, rocks, db, catalog, PreparedTransactions.load(db));
            engine.resumeBuilds();
            return engine;
        } catch (RocksDBException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            rocks.close();
            if (e instanceof SkiffException skiff) {
                throw skiff;
            }
            if (e instanceof RocksDBException rocksFailure) {
                if (StorageFailures.isLockConflict(rocksFailure)) {
                    throw new SkiffException(ErrorCode.DATABASE_IN_USE, "The data directory " + directory
                            + " is in use by another Skiff engine (another process, or another open in this one)",
                            rocksFailure);
                }
                throw StorageFailures.wrap("opening " + directory, rocksFailure);
            }
            throw (RuntimeException) e;
        }
    }

    private static void checkFormat(RocksDB db, boolean readOnly, RocksResources rocks) throws RocksDBException {
        byte[] version = db.get(KeyLayout.FORMAT_VERSION_KEY);
        if (version == null && !readOnly) {
            db.put(rocks.syncWriteOptions, KeyLayout.FORMAT_VERSION_KEY, FORMAT_VERSION);
        } else if (version != null && ByteBuffer.wrap(version).getInt() != ByteBuffer.wrap(FORMAT_VERSION).getInt()) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Unsupported storage format version "
                    + ByteBuffer.wrap(version).getInt());
        }
    }

    /** The data directory. */
    public Path directory() {
        return directory;
    }

    public EngineOptions options() {
        return options;
    }

    // ---- tables -------------------------------------------------------------------------

    @Override
    public void createTable(TableSchema schema) {
        createTable(schema, LogPosition.NONE);
    }

    /** {@link #createTable(TableSchema)}, applied from the log entry at {@code at}. */
    public void createTable(TableSchema schema, LogPosition at) {
        exclusively(() -> {
            try (WriteBatch batch = new WriteBatch()) {
                TableDescriptor descriptor = catalog.prepareCreate(schema, batch);
                writeDefinition(batch, at);
                catalog.applyCreate(descriptor);
                LOG.debug("Created table {} (id {})", schema.name(), descriptor.id());
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("creating table '" + schema.name() + "'", e);
            }
        });
    }

    @Override
    public void dropTable(String name) {
        dropTable(name, LogPosition.NONE);
    }

    /** {@link #dropTable(String)}, applied from the log entry at {@code at}. */
    public void dropTable(String name, LogPosition at) {
        exclusively(() -> {
            try (WriteBatch batch = new WriteBatch()) {
                writer.checkNotPreparedIn(catalog.require(name));
                TableDescriptor descriptor = catalog.prepareDrop(name, batch);
                writeDefinition(batch, at);
                catalog.applyDrop(descriptor);
                onlineBuilds.forgetTable(name);
                LOG.debug("Dropped table {} (id {})", name, descriptor.id());
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("dropping table '" + name + "'", e);
            }
        });
    }

    // ---- indexes ------------------------------------------------------------------------

    @Override
    public long createIndex(IndexDefinition definition, boolean ifNotExists) {
        return createIndex(definition, ifNotExists, LogPosition.NONE);
    }

    /**
     * {@link #createIndex(IndexDefinition, boolean)}, applied from the log entry at {@code at}:
     * returns once the index is ready, while other reads and writes go on.
     */
    public long createIndex(IndexDefinition definition, boolean ifNotExists, LogPosition at) {
        return startIndex(definition, ifNotExists, at).map(Engine::awaitBuild).orElse(0L);
    }

    /**
     * Creates an index and starts building it in the background; the result completes with its
     * count of items once it is ready (empty when {@code ifNotExists} found the index). From
     * the return on, every write maintains the index; reads use it once it is ready. A build
     * interrupted by {@link #close} runs again when the engine opens; a drop of the index or its
     * table stops it, and the result then fails with {@code VALIDATION_ERROR}.
     *
     * <p>The definition itself is applied from the log entry at {@code at}, deterministically;
     * the build is this store's own business, so a replica can apply the definition at once and
     * build on.
     */
    public Optional<CompletableFuture<Long>> startIndex(IndexDefinition definition, boolean ifNotExists,
                                                       LogPosition at) {
        List<CompletableFuture<Long>> started = new ArrayList<>(1);
        exclusively(() -> {
            try {
                indexes.begin(definition, ifNotExists, at).ifPresent(target -> started.add(onlineBuilds.start(target)));
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("creating index '" + definition.name() + "'", e);
            }
        });
        return started.stream().findFirst();
    }

    /**
     * Waits for the last build of index {@code index} of {@code table} since this engine opened,
     * if it still runs, and returns its count of items; 0 when there was none (the index was
     * ready when the engine opened, or is unknown here). Fails like that build failed.
     */
    public long awaitIndexBuild(String table, String index) {
        checkOpen();
        return onlineBuilds.find(table, index).map(Engine::awaitBuild).orElse(0L);
    }

    private static long awaitBuild(CompletableFuture<Long> build) {
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    @Override
    public void dropIndex(String table, String name, boolean ifExists) {
        dropIndex(table, name, ifExists, LogPosition.NONE);
    }

    /** {@link #dropIndex(String, String, boolean)}, applied from the log entry at {@code at}. */
    public void dropIndex(String table, String name, boolean ifExists, LogPosition at) {
        exclusively(() -> {
            try {
                indexes.drop(table, name, ifExists, at);
                onlineBuilds.forget(table, name);
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("dropping index '" + name + "'", e);
            }
        });
    }

    @Override
    public List<IndexDefinition> indexes(String table) {
        return shared(() -> indexes.list(table));
    }

    /** Takes no lock: progress is read from counters, so this answers at once whatever holds the lock. */
    @Override
    public List<IndexBuild> indexBuilds() {
        checkOpen();
        return builds.snapshot();
    }

    @Override
    public List<Item> indexCandidates(String table, String index, Probe probe) {
        return shared(() -> {
            try {
                return indexes.candidates(table, index, probe);
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("reading index '" + index + "'", e);
            }
        });
    }

    @Override
    public long approximateItemCount(String table) {
        return shared(() -> TableSizes.approximateItems(db, catalog.require(table)));
    }

    @Override
    public boolean mightContain(String table, String index, AttributeValue value) {
        return shared(() -> indexes.mightContain(table, index, value));
    }

    /** Table definitions are rare and precious: they are always synced. */
    private void writeDefinition(WriteBatch batch, LogPosition at) throws RocksDBException {
        writer.write(batch, at, rocks.syncWriteOptions);
    }

    @Override
    public TableSchema describeTable(String name) {
        return shared(() -> catalog.require(name).schema());
    }

    @Override
    public Optional<TableSchema> findTable(String name) {
        return shared(() -> catalog.find(name).map(TableDescriptor::schema));
    }

    @Override
    public List<TableSchema> listTables() {
        return shared(catalog::list);
    }

    /** Takes no lock: one volatile read, for sessions that check it before every prepare. */
    @Override
    public long catalogVersion() {
        checkOpen();
        return catalog.version();
    }

    // ---- items --------------------------------------------------------------------------

    @Override
    public WriteResult put(PutItem request) {
        return put(request, LogPosition.NONE);
    }

    /** {@link #put(PutItem)}, applied from the log entry at {@code at}. */
    public WriteResult put(PutItem request, LogPosition at) {
        return writing(() -> writer.put(request, at));
    }

    @Override
    public WriteResult delete(DeleteItem request) {
        return delete(request, LogPosition.NONE);
    }

    /** {@link #delete(DeleteItem)}, applied from the log entry at {@code at}. */
    public WriteResult delete(DeleteItem request, LogPosition at) {
        return writing(() -> writer.delete(request, at));
    }

    @Override
    public WriteResult update(UpdateItem request) {
        return update(request, LogPosition.NONE);
    }

    /** {@link #update(UpdateItem)}, applied from the log entry at {@code at}. */
    public WriteResult update(UpdateItem request, LogPosition at) {
        return writing(() -> writer.update(request, at));
    }

    @Override
    public void batchWrite(List<WriteRequest> writes) {
        batchWrite(writes, LogPosition.NONE);
    }

    /** {@link #batchWrite(List)}, applied from the log entry at {@code at}. */
    public void batchWrite(List<WriteRequest> writes, LogPosition at) {
        writing(() -> {
            writer.batchWrite(writes, at);
            return null;
        });
    }

    @Override
    public void transactWrite(List<TransactWriteItem> items) {
        transactWrite(items, LogPosition.NONE);
    }

    /** {@link #transactWrite(List)}, applied from the log entry at {@code at}. */
    public void transactWrite(List<TransactWriteItem> items, LogPosition at) {
        writing(() -> {
            writer.transactWrite(items, MAX_TRANSACTION_ITEMS, at);
            return null;
        });
    }

    @Override
    public void statementWrite(List<TransactWriteItem> items) {
        statementWrite(items, LogPosition.NONE);
    }

    /** {@link #statementWrite(List)}, applied from the log entry at {@code at}. */
    public void statementWrite(List<TransactWriteItem> items, LogPosition at) {
        writing(() -> {
            writer.statementWrite(items, at);
            return null;
        });
    }

    // ---- transactions over several stores (two-phase commit) -----------------------------

    /**
     * Decides the items of a transaction (or, when {@code statement}, of one SQL statement) now and
     * keeps their writes prepared under {@code id}, applied from the log entry at {@code at}: the
     * first phase of a commit over several stores. Until {@link #commitPrepared} or
     * {@link #abortPrepared}, any other write to their items is refused with {@code WRITE_CONFLICT};
     * reads see the items as they were. Refused like {@link #transactWrite} otherwise.
     *
     * @param coordinator which store records the transaction's decision, for recovery
     */
    public void prepareTransaction(String id, int coordinator, List<TransactWriteItem> items, boolean statement,
                                   LogPosition at) {
        writing(() -> {
            writer.prepare(id, coordinator, items, statement, at);
            return null;
        });
    }

    /** Applies the writes of prepared transaction {@code id}; an unknown id changes nothing. */
    public void commitPrepared(String id, LogPosition at) {
        writing(() -> {
            writer.commitPrepared(id, at);
            return null;
        });
    }

    /** Drops prepared transaction {@code id}; an unknown id changes nothing. */
    public void abortPrepared(String id, LogPosition at) {
        writing(() -> {
            writer.abortPrepared(id, at);
            return null;
        });
    }

    /** The transactions prepared here, by id, with the index of the store that holds their decision. */
    public Map<String, Integer> preparedTransactions() {
        return shared(writer::preparedTransactions);
    }

    /**
     * Records the decision on transaction {@code id} (commit or abort) unless one is recorded
     * already, and returns the recorded one: the first decision wins.
     */
    public boolean decideTransaction(String id, boolean commit, LogPosition at) {
        return writing(() -> writer.decide(id, commit, at));
    }

    /** Drops the decision on transaction {@code id} once no store needs it. */
    public void forgetTransaction(String id, LogPosition at) {
        writing(() -> {
            writer.forget(id, at);
            return null;
        });
    }

    // ---- log positions ------------------------------------------------------------------

    /**
     * The position of the last replicated log entry whose writes this store holds, or
     * {@link LogPosition#NONE} when it never applied one.
     */
    public LogPosition appliedPosition() {
        return shared(() -> {
            try {
                return LogPosition.fromBytes(db.get(rocks.readOptions, KeyLayout.APPLIED_POSITION_KEY));
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("reading the applied log position", e);
            }
        });
    }

    /**
     * Records {@code at} as applied without writing data, synced: for log entries that change
     * nothing (a refused write) before a checkpoint is taken at that position.
     */
    public void recordApplied(LogPosition at) {
        writing(() -> {
            try (WriteBatch batch = new WriteBatch()) {
                writer.write(batch, at, rocks.syncWriteOptions);
                return null;
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("recording the applied log position", e);
            }
        });
    }

    @Override
    public Optional<Item> get(GetItem request) {
        return shared(() -> {
            TableDescriptor table = catalog.require(request.table());
            byte[] key = KeyLayout.itemKey(table.id(), table.schema(), table.schema().checkKey(request.key()));
            try {
                byte[] value = db.get(rocks.readOptions, key);
                return value == null ? Optional.empty() : Optional.of(decodeProjected(value, request));
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("reading table '" + table.name() + "'", e);
            }
        });
    }

    @Override
    public List<Optional<Item>> batchGet(List<GetItem> gets) {
        if (gets.isEmpty() || gets.size() > MAX_BATCH_GETS) {
            throw SkiffException.validation("A batch get needs 1 to " + MAX_BATCH_GETS + " keys, not " + gets.size());
        }
        return shared(() -> {
            List<byte[]> keys = new ArrayList<>(gets.size());
            for (GetItem get : gets) {
                TableDescriptor table = catalog.require(get.table());
                keys.add(KeyLayout.itemKey(table.id(), table.schema(), table.schema().checkKey(get.key())));
            }
            try {
                // MultiGet reads every key from one implicit snapshot: a consistent view.
                List<byte[]> values = db.multiGetAsList(rocks.readOptions, keys);
                List<Optional<Item>> items = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    byte[] value = values.get(i);
                    items.add(value == null ? Optional.empty() : Optional.of(decodeProjected(value, gets.get(i))));
                }
                return items;
            } catch (RocksDBException e) {
                throw StorageFailures.wrap("reading a batch", e);
            }
        });
    }

    @Override
    public Page query(Query request) {
        return shared(() -> {
            TableDescriptor table = catalog.require(request.table());
            KeyRange range = KeyRange.of(table, request);
            if (request.exclusiveStartKey().isPresent()) {
                range = range.resumeAfter(KeyRange.startKey(table, request.exclusiveStartKey().get()), request.forward());
            }
            return rangeReader.read(table, range, request.forward(), request.limit(), request.filter(),
                    request.projection());
        });
    }

    @Override
    public Page scan(Scan request) {
        return shared(() -> {
            TableDescriptor table = catalog.require(request.table());
            KeyRange range = KeyRange.of(table, request);
            if (request.exclusiveStartKey().isPresent()) {
                range = range.resumeAfter(KeyRange.startKey(table, request.exclusiveStartKey().get()), true);
            }
            return rangeReader.read(table, range, true, request.limit(), request.filter(), request.projection());
        });
    }

    private static Item decodeProjected(byte[] value, GetItem request) {
        ItemProjection projection = ItemProjection.of(request.projection(), Set.of());
        return projection.apply(ItemCodec.decode(value, projection.decoded()));
    }

    // ---- checkpoints --------------------------------------------------------------------

    /**
     * Writes a named checkpoint: a consistent copy of the whole store (hard links where the
     * filesystem allows), which {@link #openReadOnly} can open later. Returns its directory.
     */
    public Path createCheckpoint(String name) {
        return shared(() -> checkpoints.create(db, name));
    }

    /**
     * Writes a consistent copy of the whole store to {@code target}, which must not exist, as a
     * data directory that {@link #open} or {@link #openReadOnly} can open.
     */
    public void checkpointTo(Path target) {
        shared(() -> {
            Checkpoints.createAt(db, target);
            return null;
        });
    }

    /**
     * Makes {@code directory} a copy of the data directory {@code source} (typically a
     * checkpoint), replacing whatever it held. No engine may have either open for writing.
     */
    public static void replaceWithCopy(Path source, Path directory) {
        Checkpoints.copyDataDirectory(source, directory);
    }

    /** The names of the checkpoints, sorted. */
    public List<String> listCheckpoints() {
        return checkpoints.list();
    }

    /** Deletes a checkpoint; fails with {@code CHECKPOINT_NOT_FOUND}. */
    public void deleteCheckpoint(String name) {
        checkpoints.delete(name);
    }

    /** The data directory of a checkpoint; fails with {@code CHECKPOINT_NOT_FOUND}. */
    public Path checkpointDirectory(String name) {
        return checkpoints.require(name);
    }

    /**
     * Copies table {@code sourceTable} as it was in checkpoint {@code checkpointName} into a new
     * table {@code targetTable} of this engine, with the same schema. Fails with
     * {@code TABLE_ALREADY_EXISTS} before copying anything if the target exists.
     */
    public void restoreTable(String checkpointName, String sourceTable, String targetTable) {
        Path source = checkpoints.require(checkpointName);
        try (Engine snapshot = openReadOnly(source)) {
            TableSchema schema = snapshot.describeTable(sourceTable).withName(targetTable);
            createTable(schema);
            try {
                copyTable(snapshot, sourceTable, targetTable);
            } catch (RuntimeException e) {
                // A half-restored table would look like a good one: remove it.
                dropTable(targetTable);
                throw e;
            }
        }
    }

    private void copyTable(Engine source, String sourceTable, String targetTable) {
        List<WriteRequest> pending = new ArrayList<>(MAX_BATCH_WRITES);
        Scan scan = Scan.table(sourceTable).limit(RESTORE_PAGE);
        while (true) {
            Page page = source.scan(scan);
            for (Item item : page.items()) {
                pending.add(WriteRequest.put(targetTable, item));
                if (pending.size() == MAX_BATCH_WRITES) {
                    batchWrite(pending);
                    pending.clear();
                }
            }
            if (page.lastEvaluatedKey().isEmpty()) {
                break;
            }
            scan = scan.startAfter(page.lastEvaluatedKey().get());
        }
        if (!pending.isEmpty()) {
            batchWrite(pending);
        }
    }

    // ---- lifecycle ----------------------------------------------------------------------

    /** Flushes and closes the database; later calls fail with {@code ENGINE_CLOSED}. */
    @Override
    public void close() {
        state.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            // Running builds stop at their next chunk (the engine is closed) and resume at the next open.
            onlineBuilds.shutdown();
            flushForFastReopen();
            db.close();
            rocks.close();
            LOG.debug("Closed storage engine at {}", directory);
        } finally {
            state.writeLock().unlock();
        }
    }

    /**
     * Writes the memtables to SST files, so the next open does not replay up to a memtable's
     * worth of write-ahead log. A failure here loses nothing: the log still has every write.
     */
    private void flushForFastReopen() {
        if (options.readOnly()) {
            return;
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        } catch (RocksDBException e) {
            LOG.warn("Flush before close failed; the next open replays the write-ahead log: {}", e.getMessage());
        }
    }

    private <T> T shared(Supplier<T> action) {
        state.readLock().lock();
        try {
            checkOpen();
            return action.get();
        } finally {
            state.readLock().unlock();
        }
    }

    private <T> T writing(Supplier<T> action) {
        if (options.readOnly()) {
            throw SkiffException.validation("This engine is open read-only; writes are not allowed");
        }
        return shared(action);
    }

    private void exclusively(Runnable action) {
        if (options.readOnly()) {
            throw SkiffException.validation("This engine is open read-only; writes are not allowed");
        }
        state.writeLock().lock();
        try {
            checkOpen();
            action.run();
        } finally {
            state.writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SkiffException(ErrorCode.ENGINE_CLOSED, "The storage engine at " + directory + " is closed");
        }
    }
}
