package io.skiff.storage;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Projection;
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
        Set<String> wanted = decodedAttributes(table, filter, projection);
        // Top-level paths are projected by decoding only them (keys included, for paging).
        boolean nested = projection.stream().anyMatch(path -> !path.isTopLevel());
        Projection projector = projection.isEmpty() ? null : Projection.of(projection);
        Set<String> projectedNames = nested || projection.isEmpty() ? null : topNames(projection);
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
                    items.add(projector == null ? item
                            : projectedNames != null ? only(item, projectedNames) : projector.apply(item));
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

    private static Set<String> topNames(List<Path> projection) {
        Set<String> names = new HashSet<>();
        projection.forEach(path -> names.add(path.topName()));
        return names;
    }

    /** The item without the attributes decoded only for paging (keys the projection did not ask for). */
    private static Item only(Item item, Set<String> names) {
        if (names.containsAll(item.names())) {
            return item;
        }
        Item.Builder kept = Item.builder();
        item.attributes().forEach((name, value) -> {
            if (names.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept.build();
    }

    /**
     * The top-level attributes worth decoding: all of them when a filter needs the whole item,
     * otherwise the projected ones plus the key (for the page's last evaluated key).
     */
    private static Set<String> decodedAttributes(TableDescriptor table, Optional<Condition> filter,
                                                 List<Path> projection) {
        if (projection.isEmpty() || filter.isPresent()) {
            return null;
        }
        Set<String> names = new HashSet<>();
        projection.forEach(path -> names.add(path.topName()));
        names.add(table.schema().partitionKey().name());
        table.schema().sortKey().ifPresent(sort -> names.add(sort.name()));
        return names;
    }
}
