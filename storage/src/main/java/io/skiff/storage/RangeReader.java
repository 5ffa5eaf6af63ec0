package io.skiff.storage;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.value.Item;
import io.skiff.storage.api.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Reads one page of a key range: the shared machinery of queries and scans. The iterator sees
 * one consistent view of the store, so a page never shows half of a batch.
 */
final class RangeReader {

    private final RocksDB db;

    RangeReader(RocksDB db) {
        this.db = db;
    }

    Page read(TableDescriptor table, KeyRange range, boolean forward, int limit, Optional<Condition> filter,
              List<Path> projection) {
        if (range.isEmpty()) {
            return new Page(List.of(), 0, Optional.empty());
        }
        // The key is decoded too, for the page's last evaluated key; a filter needs whole items.
        ItemProjection projector = ItemProjection.of(projection, keyNames(table));
        Set<String> wanted = filter.isPresent() ? null : projector.decoded();
        List<Item> items = new ArrayList<>();
        int scanned = 0;
        long bytes = 0;
        Item last = null;
        try (Slice lower = new Slice(range.lower());
             Slice upper = new Slice(range.upper());
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            if (forward) {
                it.seekToFirst();
            } else {
                it.seekToLast();
            }
            while (it.isValid()) {
                byte[] value = it.value();
                Item item = ItemCodec.decode(value, wanted);
                scanned++;
                bytes += value.length;
                last = item;
                if (filter.isEmpty() || filter.get().test(item)) {
                    items.add(projector.apply(item));
                }
                if (forward) {
                    it.next();
                } else {
                    it.prev();
                }
                if ((limit > 0 && scanned >= limit) || bytes >= Page.MAX_PAGE_BYTES) {
                    break;
                }
            }
            boolean more = it.isValid();
            it.status();
            Optional<Item> lastKey = more ? Optional.of(table.schema().keyOf(last)) : Optional.empty();
            return new Page(items, scanned, lastKey);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("reading table '" + table.name() + "'", e);
        }
    }

    private static Set<String> keyNames(TableDescriptor table) {
        Set<String> names = new HashSet<>();
        names.add(table.schema().partitionKey().name());
        table.schema().sortKey().ifPresent(sort -> names.add(sort.name()));
        return names;
    }
}
