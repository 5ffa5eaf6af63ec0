package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * The tables of an engine. Descriptors are persisted in the catalog key range and cached in
 * memory, so resolving a table name on the hot path is one map lookup. Changes are made by the
 * engine under its exclusive lock; reads need no lock.
 */
final class Catalog {

    /**
     * Versions come from one counter for every catalog of the JVM, so a catalog loaded anew (an
     * engine reopened, a replica that installed a snapshot) never repeats a version an earlier
     * one had: whoever remembered a version sees a change.
     */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private final ConcurrentHashMap<String, TableDescriptor> tables = new ConcurrentHashMap<>();
    private long nextTableId;
    private volatile long version = VERSIONS.incrementAndGet();

    private Catalog() {
    }

    static Catalog load(RocksDB db) throws RocksDBException {
        Catalog catalog = new Catalog();
        byte[] next = db.get(KeyLayout.NEXT_TABLE_ID_KEY);
        catalog.nextTableId = next == null ? 1 : ByteBuffer.wrap(next).getLong();
        try (Slice lower = new Slice(KeyLayout.catalogStart());
             Slice upper = new Slice(KeyLayout.catalogEnd());
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                TableDescriptor descriptor = DescriptorJson.read(it.value());
                catalog.tables.put(descriptor.name(), descriptor);
            }
            it.status();
        }
        return catalog;
    }

    /** The descriptor of a table; fails with {@code TABLE_NOT_FOUND}. */
    TableDescriptor require(String name) {
        TableDescriptor descriptor = tables.get(name);
        if (descriptor == null) {
            throw new SkiffException(ErrorCode.TABLE_NOT_FOUND, "Table '" + name + "' does not exist");
        }
        return descriptor;
    }

    Optional<TableDescriptor> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * A number that changes whenever a table or an index definition does. It moves after the
     * change is visible, so a reader that saw a version and then read the catalog read that
     * version or a later one.
     */
    long version() {
        return version;
    }

    private void changed() {
        version = VERSIONS.incrementAndGet();
    }

    List<TableSchema> list() {
        List<TableSchema> schemas = new ArrayList<>();
        tables.values().forEach(d -> schemas.add(d.schema()));
        schemas.sort(Comparator.comparing(TableSchema::name));
        return schemas;
    }

    /** Adds the creation of a table to a batch; call {@link #apply} once the batch is written. */
    TableDescriptor prepareCreate(TableSchema schema, WriteBatch batch) throws RocksDBException {
        if (tables.containsKey(schema.name())) {
            throw new SkiffException(ErrorCode.TABLE_ALREADY_EXISTS, "Table '" + schema.name() + "' already exists");
        }
        TableDescriptor descriptor = new TableDescriptor(nextTableId, schema);
        batch.put(KeyLayout.NEXT_TABLE_ID_KEY, ByteBuffer.allocate(8).putLong(nextTableId + 1).array());
        batch.put(KeyLayout.catalogKey(schema.name()), DescriptorJson.write(descriptor));
        return descriptor;
    }

    /** Adds the removal of a table and of all its items to a batch. */
    TableDescriptor prepareDrop(String name, WriteBatch batch) throws RocksDBException {
        TableDescriptor descriptor = require(name);
        batch.delete(KeyLayout.catalogKey(name));
        batch.deleteRange(KeyLayout.tableStart(descriptor.id()), KeyLayout.tableEnd(descriptor.id()));
        batch.deleteRange(KeyLayout.tableIndexesStart(descriptor.id()), KeyLayout.tableIndexesEnd(descriptor.id()));
        return descriptor;
    }

    /** Adds a changed descriptor of an existing table (its indexes) to a batch; call {@link #applyReplace} after. */
    void prepareReplace(TableDescriptor changed, WriteBatch batch) throws RocksDBException {
        batch.put(KeyLayout.catalogKey(changed.name()), DescriptorJson.write(changed));
    }

    void applyReplace(TableDescriptor changed) {
        tables.put(changed.name(), changed);
        changed();
    }

    /** Every table's descriptor. */
    List<TableDescriptor> descriptors() {
        return new ArrayList<>(tables.values());
    }

    void applyCreate(TableDescriptor descriptor) {
        tables.put(descriptor.name(), descriptor);
        nextTableId = Math.max(nextTableId, descriptor.id() + 1);
        changed();
    }

    void applyDrop(TableDescriptor descriptor) {
        tables.remove(descriptor.name(), descriptor);
        changed();
    }
}
