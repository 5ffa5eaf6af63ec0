package io.skiff.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.IndexType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteOptions;

/**
 * The native RocksDB objects an engine owns, built from {@link EngineOptions} and closed
 * together, in reverse order of creation.
 */
final class RocksResources implements AutoCloseable {

    private final Deque<RocksObject> owned = new ArrayDeque<>();
    final Options options;
    final WriteOptions writeOptions;
    final WriteOptions syncWriteOptions;
    final ReadOptions readOptions;

    RocksResources(EngineOptions config) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(own(new LRUCache(config.blockCacheBytes())))
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                // Index and filter blocks cut into 4 KiB partitions under a pinned top level: a
                // point read then loads one small partition, not a whole file's filter, so lookups
                // stay cheap when the files' filters outgrow the block cache (an index probe's
                // lookups cost 30 us each with whole filters and 2 us with partitions, at a
                // million items and 64 MiB of cache).
                .setIndexType(IndexType.kTwoLevelIndexSearch)
                .setPartitionFilters(true)
                .setMetadataBlockSize(4096)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinTopLevelIndexAndFilter(true);
        if (config.bloomBitsPerKey() > 0) {
            table.setFilterPolicy(own(new BloomFilter(config.bloomBitsPerKey(), false)));
        }
        options = own(new Options())
                .setCreateIfMissing(true)
                .setTableFormatConfig(table)
                .setWriteBufferSize(config.writeBufferBytes())
                .setMaxBackgroundJobs(config.maxBackgroundJobs())
                .setCompressionType(compressionOf(config.compression()))
                .setBytesPerSync(1 << 20)
                // A bloom filter over the memtable: inserts check their key is absent, and a miss
                // must not walk the memtable's skip list.
                .setMemtableWholeKeyFiltering(config.bloomBitsPerKey() > 0)
                .setMemtablePrefixBloomSizeRatio(config.bloomBitsPerKey() > 0 ? 0.1 : 0)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(3);
        writeOptions = own(new WriteOptions()).setSync(config.syncWrites());
        syncWriteOptions = own(new WriteOptions()).setSync(true);
        readOptions = own(new ReadOptions());
    }

    <T extends RocksObject> T own(T object) {
        owned.push(object);
        return object;
    }

    private static CompressionType compressionOf(EngineOptions.Compression compression) {
        return switch (compression) {
            case NONE -> CompressionType.NO_COMPRESSION;
            case LZ4 -> CompressionType.LZ4_COMPRESSION;
            case ZSTD -> CompressionType.ZSTD_COMPRESSION;
            case SNAPPY -> CompressionType.SNAPPY_COMPRESSION;
        };
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            owned.pop().close();
        }
    }
}
