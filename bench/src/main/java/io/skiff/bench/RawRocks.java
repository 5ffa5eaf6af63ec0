package io.skiff.bench;

import io.skiff.storage.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteOptions;

/**
 * The baseline of every benchmark: a raw RocksDB opened with the options Skiff's engine uses
 * (block cache, bloom filters, memtable bloom, LZ4, memtable size), so ratios compare like with like.
 */
final class RawRocks implements AutoCloseable {

    final RocksDB db;
    final WriteOptions writeOptions;
    private final Deque<RocksObject> owned = new ArrayDeque<>();

    private RawRocks(Path dir, EngineOptions same) throws RocksDBException, IOException {
        RocksDB.loadLibrary();
        Files.createDirectories(dir);
        LRUCache cache = own(new LRUCache(same.blockCacheBytes()));
        BloomFilter bloom = own(new BloomFilter(same.bloomBitsPerKey(), false));
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true).setPinL0FilterAndIndexBlocksInCache(true);
        Options options = own(new Options()).setCreateIfMissing(true).setTableFormatConfig(table)
                .setWriteBufferSize(same.writeBufferBytes()).setMaxBackgroundJobs(same.maxBackgroundJobs())
                .setCompressionType(CompressionType.LZ4_COMPRESSION).setBytesPerSync(1 << 20)
                .setMemtableWholeKeyFiltering(true).setMemtablePrefixBloomSizeRatio(0.1);
        writeOptions = own(new WriteOptions().setSync(same.syncWrites()));
        db = own(RocksDB.open(options, dir.toString()));
    }

    static RawRocks open(Path dir) throws RocksDBException, IOException {
        return new RawRocks(dir, EngineOptions.defaults());
    }

    private <T extends RocksObject> T own(T object) {
        owned.push(object);
        return object;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            owned.pop().close();
        }
    }

    /** Waits until a raw database has flushed its memtable and has no compaction running or due. */
    static void settle(RocksDB db) throws RocksDBException, InterruptedException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush);
        }
        while (db.getLongProperty("rocksdb.num-running-compactions") > 0
                || db.getLongProperty("rocksdb.compaction-pending") > 0) {
            Thread.sleep(50);
        }
    }

    /** Deletes a benchmark's temporary directory and everything in it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
