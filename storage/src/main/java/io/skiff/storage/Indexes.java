package io.skiff.storage;

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
 * Secondary indexes: building one over a table's items, dropping one, and reading the
 * candidates of a probe. The engine calls the changes under its exclusive lock, so no item
 * changes while an index is built; each write keeps the indexes of its table up to date itself
 * ({@link IndexWrites}).
 */
final class Indexes {

    private static final Logger LOG = LoggerFactory.getLogger(Indexes.class);
    /** Items filed per write batch while building an index. */
    private static final int BUILD_BATCH_ITEMS = 10_000;
    /** How often a build reports its progress in the log. */
    private static final int PROGRESS_EVERY_ITEMS = 100_000;

    private final RocksDB db;
    private final RocksResources rocks;
    private final Catalog catalog;
    private final ItemWriter writer;
    private final BuildsInProgress builds;

    Indexes(RocksDB db, RocksResources rocks, Catalog catalog, ItemWriter writer, BuildsInProgress builds) {
        this.db = db;
        this.rocks = rocks;
        this.catalog = catalog;
        this.writer = writer;
        this.builds = builds;
    }

    /**
     * Creates an index and files every item of its table in it. Entries are written in batches;
     * the definition goes into the catalog last, in one batch with the log position, so an
     * interrupted build leaves no index behind and is simply run again (its entries are cleared
     * first: the next build of the table gets the same id). While it runs, the build shows in
     * {@link BuildsInProgress} with its count of items filed.
     */
    long create(IndexDefinition requested, boolean ifNotExists, LogPosition at) throws RocksDBException {
        TableDescriptor table = catalog.require(requested.table());
        if (table.index(requested.name()).isPresent()) {
            if (ifNotExists) {
                recordOnly(at);
                return 0;
            }
            throw SkiffException.validation("Table '" + table.name() + "' already has an index named '"
                    + requested.name() + "'");
        }
        IndexMethod method = IndexMethods.configureNew(requested);
        IndexDefinition definition = requested.withOptions(method.options());
        IndexDescriptor index = IndexDescriptor.of(table.nextIndexId(), definition, method);
        long started = System.nanoTime();
        db.deleteRange(rocks.writeOptions, KeyLayout.indexStart(table.id(), index.id()),
                KeyLayout.indexEnd(table.id(), index.id()));
        WriteBatch[] batch = {new WriteBatch()};
        // Shown to progress readers until the build ends, whether it succeeds or fails.
        try (BuildsInProgress.Running build = builds.start(definition, TableSizes.approximateItems(db, table))) {
            forEachItem(table, (key, item) -> {
                try {
                    IndexWrites.file(table, index, key, item, batch[0]);
                    long filed = build.filedOne();
                    if (filed % BUILD_BATCH_ITEMS == 0) {
                        db.write(rocks.writeOptions, batch[0]);
                        batch[0].close();
                        batch[0] = new WriteBatch();
                    }
                    if (filed % PROGRESS_EVERY_ITEMS == 0) {
                        LOG.info("Building index {} on {}: {} items filed", definition.name(), table.name(), filed);
                    }
                } catch (RocksDBException e) {
                    throw StorageFailures.wrap("building index '" + definition.name() + "'", e);
                }
            });
            TableDescriptor changed = table.withIndex(index);
            catalog.prepareReplace(changed, batch[0]);
            writer.write(batch[0], at, rocks.syncWriteOptions);
            catalog.applyReplace(changed);
            LOG.info("Built index {} on {} using {}: {} items in {} ms", definition.name(), table.name(),
                    definition.plugin(), build.filed(), (System.nanoTime() - started) / 1_000_000);
            return build.filed();
        } finally {
            batch[0].close();
        }
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

    List<IndexDefinition> list(String tableName) {
        return catalog.require(tableName).indexes().stream().map(IndexDescriptor::definition).toList();
    }

    /** The items a probe of a term index finds, in item-key order. */
    List<Item> candidates(String tableName, String name, Probe probe) throws RocksDBException {
        TableDescriptor table = catalog.require(tableName);
        IndexDescriptor index = require(table, name);
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
            forEachEntry(KeyLayout.termStartsWith(table.id(), index.id(), prefix), entry -> {
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
        return value != null && index.filter().mightContain(value);
    }

    /** Fills every filter index from its table's items: filters live in memory only. */
    void rebuildFilters() {
        for (TableDescriptor table : catalog.descriptors()) {
            List<IndexDescriptor> filters = table.indexes().stream().filter(index -> index.filter() != null).toList();
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

    /** Calls {@code action} with the key of every index entry under {@code prefix}. */
    private void forEachEntry(byte[] prefix, java.util.function.Consumer<byte[]> action) throws RocksDBException {
        byte[] end = KeyLayout.prefixEnd(prefix);
        try (Slice lower = new Slice(prefix);
             Slice upper = new Slice(end);
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.key());
            }
            it.status();
        }
    }
}
