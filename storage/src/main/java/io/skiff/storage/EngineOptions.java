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
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.syncWrites = syncWrites;
        builder.maxItemBytes = maxItemBytes;
        builder.blockCacheBytes = blockCacheBytes;
        builder.writeBufferBytes = writeBufferBytes;
        builder.maxBackgroundJobs = maxBackgroundJobs;
        builder.bloomBitsPerKey = bloomBitsPerKey;
        builder.compression = compression;
        builder.readOnly = readOnly;
        return builder;
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private boolean syncWrites;
        private int maxItemBytes = DEFAULT_MAX_ITEM_BYTES;
        private long blockCacheBytes = 64L << 20;
        private long writeBufferBytes = 64L << 20;
        private int maxBackgroundJobs = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int bloomBitsPerKey = 10;
        private Compression compression = Compression.LZ4;
        private boolean readOnly;

        private Builder() {
        }

        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        public Builder maxItemBytes(int bytes) {
            this.maxItemBytes = bytes;
            return this;
        }

        public Builder blockCacheBytes(long bytes) {
            this.blockCacheBytes = bytes;
            return this;
        }

        public Builder writeBufferBytes(long bytes) {
            this.writeBufferBytes = bytes;
            return this;
        }

        public Builder maxBackgroundJobs(int jobs) {
            this.maxBackgroundJobs = jobs;
            return this;
        }

        public Builder bloomBitsPerKey(int bits) {
            this.bloomBitsPerKey = bits;
            return this;
        }

        public Builder compression(Compression codec) {
            this.compression = codec;
            return this;
        }

        public Builder readOnly(boolean ro) {
            this.readOnly = ro;
            return this;
        }

        public EngineOptions build() {
            return new EngineOptions(syncWrites, maxItemBytes, blockCacheBytes, writeBufferBytes, maxBackgroundJobs,
                    bloomBitsPerKey, compression, readOnly);
        }
    }
}
