package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.Probe;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.LogPosition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secondary indexes: the steps of a build that change a table's descriptor (begin, mark ready,
 * abandon), dropping one, and reading the candidates of a probe. The engine calls the changes
 * under its exclusive lock; between them a build fills the index without it
 * ({@link OnlineIndexBuilds}), while each write keeps the indexes of its table, building or
 * ready, up to date itself ({@link IndexWrites}).
 */
final class Indexes {

    private static final Logger LOG = LoggerFactory.getLogger(Indexes.class);
    private final RocksDB db;
    private final RocksResources rocks;
    private final Catalog catalog;
    private final ItemWriter writer;

    Indexes(RocksDB db, RocksResources rocks, Catalog catalog, ItemWriter writer) {
        this.db = db;
        this.rocks = rocks;
        this.catalog = catalog;
        this.writer = writer;
    }

    /**
     * The first step of building an index, under the engine's exclusive lock: adds it to its
     * table's descriptor in state {@link IndexState#BUILDING}, in one synced batch with the log
     * position, so every write from now on maintains it. Returns what to build, or nothing when
     * {@code ifNotExists} found an index of that name (building or ready).
     *
     * <p>Refused while a prepared transaction holds items of the table: its writes were decided
     * without the new index, and committing them later would leave the index stale.
     */
    Optional<BuildTarget> begin(IndexDefinition requested, boolean ifNotExists, LogPosition at)
            throws RocksDBException {
        TableDescriptor table = catalog.require(requested.table());
        if (table.index(requested.name()).isPresent()) {
            if (ifNotExists) {
                recordOnly(at);
                return Optional.empty();
            }
            throw SkiffException.validation("Table '" + table.name() + "' already has an index named '"
                    + requested.name() + "'");
        }
        IndexMethod method = IndexMethods.configureNew(requested);
        if (writer.hasPreparedIn(table)) {
            throw new SkiffException(ErrorCode.WRITE_CONFLICT, "Table '" + table.name() + "' has items being"
                    + " written by a transaction in progress; index '" + requested.name() + "' was not created, retry");
        }
        IndexDefinition definition = requested.withOptions(method.options());
        IndexDescriptor index = IndexDescriptor.of(table.nextIndexId(), definition, method, IndexState.BUILDING);
        TableDescriptor changed = table.withIndex(index);
        try (WriteBatch batch = new WriteBatch()) {
            // Ids are never reused, so this range is empty; clearing it costs nothing and assumes nothing.
            batch.deleteRange(KeyLayout.indexStart(table.id(), index.id()), KeyLayout.indexEnd(table.id(), index.id()));
            catalog.prepareReplace(changed, batch);
            writer.write(batch, at, rocks.syncWriteOptions);
        }
        catalog.applyReplace(changed);
        LOG.info("Building index {} on {} using {}", definition.name(), table.name(), definition.plugin());
        return Optional.of(new BuildTarget(table.name(), table.id(), index.id(), definition.name()));
    }

    /**
     * The table and the index a build fills, as they are now; fails when the index (or its table)
     * was dropped, or is no longer building: the build must stop.
     */
    Building requireBuilding(BuildTarget target) {
        TableDescriptor table = catalog.find(target.table()).filter(found -> found.id() == target.tableId())
                .orElseThrow(() -> gone(target, "its table was dropped"));
        IndexDescriptor index = table.index(target.indexId()).filter(found -> !found.ready())
                .orElseThrow(() -> gone(target, "it was dropped"));
        return new Building(table, index);
    }

    /** The last step of a build, under the engine's exclusive lock: the index is ready for reads. */
    void markReady(BuildTarget target) throws RocksDBException {
        Building building = requireBuilding(target);
        TableDescriptor changed = building.table().withIndexReplaced(building.index().withState(IndexState.READY));
        try (WriteBatch batch = new WriteBatch()) {
            catalog.prepareReplace(changed, batch);
            // Not a log entry: each replica decides this for itself, so no log position goes with it.
            writer.write(batch, LogPosition.NONE, rocks.syncWriteOptions);
        }
        catalog.applyReplace(changed);
    }

    /** Removes an index whose build failed (the plugin threw), under the engine's exclusive lock. */
    void abandon(BuildTarget target) throws RocksDBException {
        TableDescriptor table = catalog.find(target.table()).filter(found -> found.id() == target.tableId())
                .orElse(null);
        if (table != null && table.index(target.indexId()).isPresent()) {
            drop(target.table(), target.index(), false, LogPosition.NONE);
        }
    }

    /** Every index found building, for the engine to build again when it opens. */
    List<BuildTarget> building() {
        List<BuildTarget> targets = new ArrayList<>();
        for (TableDescriptor table : catalog.descriptors()) {
            table.indexes().stream().filter(index -> !index.ready()).forEach(index -> targets.add(
                    new BuildTarget(table.name(), table.id(), index.id(), index.name())));
        }
        return targets;
    }

    /** RocksDB's estimate of a table's items, for a build's progress. */
    long approximateItems(TableDescriptor table) {
        return TableSizes.approximateItems(db, table);
    }

    private static SkiffException gone(BuildTarget target, String why) {
        return new SkiffException(ErrorCode.VALIDATION_ERROR, "Index '" + target.index() + "' of table '"
                + target.table() + "' was not built: " + why + " while it was being built");
    }

    /** An index being built, known by ids that a drop and a new create of the same names do not reuse. */
    record BuildTarget(String table, long tableId, int indexId, String index) {
    }

    /** The current descriptors of a building index and its table. */
    record Building(TableDescriptor table, IndexDescriptor index) {
    }

    /** Drops an index: its definition and its entries, in one batch. */
    void drop(String tableName, String name, boolean ifExists, LogPosition at) throws RocksDBException {
        TableDescriptor table = catalog.require(tableName);
        if (table.index(name).isEmpty()) {
            if (ifExists) {
                recordOnly(at);
                return;
            }
            throw SkiffException.validation("Table '" + tableName + "' has no index named '" + name + "'");
        }
        IndexDescriptor index = table.index(name).get();
        TableDescriptor changed = table.withoutIndex(name);
        try (WriteBatch batch = new WriteBatch()) {
            batch.deleteRange(KeyLayout.indexStart(table.id(), index.id()), KeyLayout.indexEnd(table.id(), index.id()));
            catalog.prepareReplace(changed, batch);
            writer.write(batch, at, rocks.syncWriteOptions);
        }
        catalog.applyReplace(changed);
        LOG.info("Dropped index {} on {}", name, tableName);
    }

    /** A statement that changes nothing still moves the applied log position. */
    private void recordOnly(LogPosition at) throws RocksDBException {
        if (at.isPresent()) {
            try (WriteBatch batch = new WriteBatch()) {
                writer.write(batch, at);
            }
        }
    }

    /** The ready indexes of a table: a building one is not listed, so no plan reads it. */
    List<IndexDefinition> list(String tableName) {
        return catalog.require(tableName).readyIndexes().stream().map(IndexDescriptor::definition).toList();
    }

    /** The items a probe of a term index finds, in item-key order. */
    List<Item> candidates(String tableName, String name, Probe probe) throws RocksDBException {
        TableDescriptor table = catalog.require(tableName);
        IndexDescriptor index = require(table, name);
        if (!index.ready()) {
            throw SkiffException.validation("Index '" + name + "' of table '" + tableName + "' is being built; reads"
                    + " use it once it is ready");
        }
        if (index.terms() == null) {
            throw SkiffException.validation("Index '" + name + "' is a filter; it answers membership, not candidates");
        }
        // Items are known by the end of their entries' keys (the item key without its table prefix).
        List<ByteBuffer> matches;
        if (probe instanceof Probe.Terms terms) {
            List<byte[]> prefixes = terms.terms().stream()
                    .map(term -> KeyLayout.termPrefix(table.id(), index.id(), term)).toList();
            matches = new TermMatches(db, rocks.readOptions).find(prefixes, terms.minMatches());
        } else if (probe instanceof Probe.Prefixes prefixes) {
            matches = underPrefixes(table, index, prefixes);
        } else {
            return List.of();
        }
        TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
        for (ByteBuffer match : matches) {
            keys.add(KeyLayout.itemKeyOfSuffix(table.id(), match));
        }
        List<byte[]> ordered = new ArrayList<>(keys);
        if (ordered.isEmpty()) {
            return List.of();
        }
        List<Item> items = new ArrayList<>(ordered.size());
        List<byte[]> values = db.multiGetAsList(rocks.readOptions, ordered);
        for (byte[] value : values) {
            if (value != null) {
                items.add(ItemCodec.decode(value));
            }
        }
        return items;
    }

    /** The items filed under any term that starts with one of the probe's prefixes (duplicates possible). */
    private List<ByteBuffer> underPrefixes(TableDescriptor table, IndexDescriptor index, Probe.Prefixes probe)
            throws RocksDBException {
        List<ByteBuffer> matches = new ArrayList<>();
        for (byte[] prefix : probe.prefixes()) {
            PrefixKeys.forEach(db, KeyLayout.termStartsWith(table.id(), index.id(), prefix), entry -> {
                int suffix = KeyLayout.itemSuffixOffsetOfEntry(entry);
                matches.add(ByteBuffer.wrap(entry, suffix, entry.length - suffix));
            });
        }
        return matches;
    }

    boolean mightContain(String tableName, String name, AttributeValue value) {
        IndexDescriptor index = require(catalog.require(tableName), name);
        if (index.filter() == null) {
            throw SkiffException.validation("Index '" + name + "' is not a filter (bloom, cbloom, cuckoo)");
        }
        // A building filter may not hold every value yet: "might" is the only safe answer.
        return value != null && (!index.ready() || index.filter().mightContain(value));
    }

    /**
     * Fills every ready filter index from its table's items: filters live in memory only. A
     * building one is filled by its build, which runs again when the engine opens.
     */
    void rebuildFilters() {
        for (TableDescriptor table : catalog.descriptors()) {
            List<IndexDescriptor> filters = table.readyIndexes().stream().filter(index -> index.filter() != null)
                    .toList();
            if (filters.isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            forEachItem(table, (key, item) -> filters.forEach(index -> {
                AttributeValue value = index.valueOf(item);
                if (value != null) {
                    index.filter().add(value);
                }
            }));
            LOG.debug("Filled {} filter indexes of {} in {} ms", filters.size(), table.name(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static IndexDescriptor require(TableDescriptor table, String name) {
        return table.index(name).orElseThrow(() -> SkiffException.validation("Table '" + table.name()
                + "' has no index named '" + name + "'"));
    }

    private void forEachItem(TableDescriptor table, BiConsumer<byte[], Item> action) {
        try (Slice lower = new Slice(KeyLayout.tableStart(table.id()));
             Slice upper = new Slice(KeyLayout.tableEnd(table.id()));
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.key(), ItemCodec.decode(it.value()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("reading table '" + table.name() + "'", e);
        }
    }
}
