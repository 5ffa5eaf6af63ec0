package io.skiff.storage;

import io.skiff.core.error.SkiffException;

/**
 * How an {@link Engine} runs. The defaults suit a developer machine; every knob is documented in
 * {@code docs/storage.md}.
 *
 * @param syncWrites fsync the write-ahead log on every commit (off by default, like the
 *                   reference: a process crash loses nothing, a power loss may lose the last
 *                   writes)
 * @param maxItemBytes largest item, counted like the reference system
 * @param blockCacheBytes size of the shared block cache
 * @param writeBufferBytes size of one memtable
 * @param maxBackgroundJobs threads for flushes and compactions
 * @param bloomBitsPerKey bits per key of the bloom filters that speed up point reads (0 for none)
 * @param compression compression of stored blocks
 * @param readOnly open without write access (for checkpoints); every write is rejected
 */
public record EngineOptions(boolean syncWrites, int maxItemBytes, long blockCacheBytes, long writeBufferBytes,
                            int maxBackgroundJobs, int bloomBitsPerKey, Compression compression,
                            boolean readOnly) {

    /** Block compression codecs. */
    public enum Compression { NONE, LZ4, ZSTD, SNAPPY }

    public static final int DEFAULT_MAX_ITEM_BYTES = 400 * 1024;

    public EngineOptions {
        if (maxItemBytes < 1024) {
            throw SkiffException.validation("maxItemBytes must be at least 1024, not " + maxItemBytes);
        }
        if (blockCacheBytes < 0 || writeBufferBytes < 1024 * 1024) {
            throw SkiffException.validation("blockCacheBytes must be >= 0 and writeBufferBytes >= 1 MiB");
        }
        if (maxBackgroundJobs < 1) {
            throw SkiffException.validation("maxBackgroundJobs must be at least 1, not " + maxBackgroundJobs);
        }
        if (bloomBitsPerKey < 0) {
            throw SkiffException.validation("bloomBitsPerKey must be >= 0, not " + bloomBitsPerKey);
        }
        if (compression == null) {
            throw SkiffException.validation("compression must be given");
        }
    }

    /** The defaults: no fsync per commit, 400 KB items, 64 MiB cache and memtables, LZ4. */
    public static EngineOptions defaults() {
        return new EngineOptions(false, DEFAULT_MAX_ITEM_BYTES, 64L << 20, 64L << 20,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 10, Compression.LZ4, false);
    }

    public EngineOptions withSyncWrites(boolean sync) {
        return new EngineOptions(sync, maxItemBytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                bloomBitsPerKey, compression, readOnly);
    }

    public EngineOptions withMaxItemBytes(int bytes) {
        return new EngineOptions(syncWrites, bytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                bloomBitsPerKey, compression, readOnly);
    }

    public EngineOptions withBlockCacheBytes(long bytes) {
        return new EngineOptions(syncWrites, maxItemBytes, bytes, writeBufferBytes, maxBackgroundJobs,
                bloomBitsPerKey, compression, readOnly);
    }

    public EngineOptions withWriteBufferBytes(long bytes) {
        return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, bytes, maxBackgroundJobs,
                bloomBitsPerKey, compression, readOnly);
    }

    public EngineOptions withMaxBackgroundJobs(int jobs) {
        return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, writeBufferBytes, jobs,
                bloomBitsPerKey, compression, readOnly);
    }

    public EngineOptions withBloomBitsPerKey(int bits) {
        return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                bits, compression, readOnly);
    }

    public EngineOptions withCompression(Compression codec) {
        return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                bloomBitsPerKey, codec, readOnly);
    }

    public EngineOptions withReadOnly(boolean ro) {
        return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                bloomBitsPerKey, compression, ro);
    }
}
