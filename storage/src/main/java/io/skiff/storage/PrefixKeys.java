package io.skiff.storage;

import java.util.function.Consumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** The keys that start with a prefix, in order, read without their values: index entries carry none. */
final class PrefixKeys {

    private PrefixKeys() {
    }

    /** Calls {@code action} with every key of {@code db} that starts with {@code prefix}. */
    static void forEach(RocksDB db, byte[] prefix, Consumer<byte[]> action) throws RocksDBException {
        try (Slice lower = new Slice(prefix);
             Slice upper = new Slice(KeyLayout.prefixEnd(prefix));
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.key());
            }
            it.status();
        }
    }
}
