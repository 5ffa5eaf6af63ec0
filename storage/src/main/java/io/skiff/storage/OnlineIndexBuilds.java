package io.skiff.storage;

import io.skiff.core.error.SkiffException;
import io.skiff.storage.Indexes.BuildTarget;
import io.skiff.storage.Indexes.Building;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index builds that run while the engine serves reads and writes. {@link Indexes#begin} has put
 * the index in its table's descriptor as building (under the exclusive lock), so every write
 * maintains it; a build then files the items that were there before, chunk by chunk
 * ({@link IndexBackfill}), taking the engine's shared lock for each chunk's read and filing only,
 * and finally marks the index ready under the exclusive lock. Each chunk first checks that the
 * index is still there and still building: a dropped index or table stops its build at the next
 * chunk, with an error for whoever waits for it.
 *
 * <p>Builds run on their own daemon threads, one per build, so a build the engine resumes when
 * it opens, or one a replica starts in its apply path, waits for nobody.
 */
final class OnlineIndexBuilds {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineIndexBuilds.class);
    /**
     * Items filed per chunk. A chunk's filing holds the key locks of its items for one MultiGet
     * and one write, so writers of those keys wait that long at most.
     */
    static final int CHUNK_ITEMS = 512;
    /** How often a build reports its progress in the log. */
    private static final int PROGRESS_EVERY_ITEMS = 100_000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The engine's lock, as the builds use it. */
    interface EngineLock {
        /** Runs {@code action} under the shared lock; fails with {@code ENGINE_CLOSED} once closed. */
        <T> T shared(Supplier<T> action);

        /** Runs {@code action} under the exclusive lock; fails with {@code ENGINE_CLOSED} once closed. */
        void exclusively(Runnable action);
    }

    private final Indexes indexes;
    private final IndexBackfill backfill;
    private final BuildsInProgress progress;
    private final EngineLock lock;
    /** The last build started for each index name of each table, running or ended. */
    private final Map<String, CompletableFuture<Long>> latest = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "skiff-index-build-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    OnlineIndexBuilds(Indexes indexes, IndexBackfill backfill, BuildsInProgress progress, EngineLock lock) {
        this.indexes = indexes;
        this.backfill = backfill;
        this.progress = progress;
        this.lock = lock;
    }

    /** Starts building {@code target} in the background; the result completes with its count of items. */
    CompletableFuture<Long> start(BuildTarget target) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        latest.put(nameOf(target.table(), target.index()), done);
        threads.execute(() -> {
            try {
                done.complete(build(target));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The last build of index {@code index} of table {@code table} in this engine's run, running or ended. */
    Optional<CompletableFuture<Long>> find(String table, String index) {
        return Optional.ofNullable(latest.get(nameOf(table, index)));
    }

    /** Forgets the builds of an index that was dropped (a running one stops by itself). */
    void forget(String table, String index) {
        latest.remove(nameOf(table, index));
    }

    /** Forgets the builds of every index of a table that was dropped. */
    void forgetTable(String table) {
        latest.keySet().removeIf(name -> name.startsWith(table + '\0'));
    }

    private static String nameOf(String table, String index) {
        return table + '\0' + index;
    }

    /** Starts no more builds; running ones stop at their next chunk, since the engine is closed. */
    void shutdown() {
        threads.shutdown();
    }

    private long build(BuildTarget target) {
        Building first = lock.shared(() -> indexes.requireBuilding(target));
        long started = System.nanoTime();
        // Shown to progress readers until the build ends, whether it succeeds or fails.
        try (BuildsInProgress.Running build = progress.start(first.index().definition(),
                lock.shared(() -> indexes.approximateItems(first.table())))) {
            try {
                fill(target, build);
                lock.exclusively(() -> markReady(target));
            } catch (SkiffException e) {
                throw e;
            } catch (RuntimeException e) {
                // The plugin failed on an item: an index that cannot file every item is removed.
                abandon(target, e);
                throw e;
            }
            LOG.info("Built index {} on {}: {} items in {} ms", target.index(), target.table(), build.filed(),
                    (System.nanoTime() - started) / 1_000_000);
            return build.filed();
        }
    }

    /** Files every item the table holds, chunk after chunk, in key order. */
    private void fill(BuildTarget target, BuildsInProgress.Running build) {
        byte[] after = null;
        long reported = 0;
        while (true) {
            byte[] from = after;
            Chunked chunk = lock.shared(() -> {
                Building building = indexes.requireBuilding(target);
                return new Chunked(building, backfill.read(building.table(), from, CHUNK_ITEMS));
            });
            if (chunk.items().isEmpty()) {
                return;
            }
            List<IndexBackfill.Filing> filings = backfill.prepare(chunk.building().table(), chunk.building().index(),
                    chunk.items(), build);
            lock.shared(() -> {
                // The index may have been dropped (or the table) while the entries were computed.
                Building building = indexes.requireBuilding(target);
                backfill.file(building.table(), building.index(), filings, build);
                return null;
            });
            after = chunk.items().lastKey();
            if (build.filed() - reported >= PROGRESS_EVERY_ITEMS) {
                reported = build.filed();
                LOG.info("Building index {} on {}: {} items filed", target.index(), target.table(), reported);
            }
        }
    }

    private void markReady(BuildTarget target) {
        try {
            indexes.markReady(target);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("marking index '" + target.index() + "' ready", e);
        }
    }

    private void abandon(BuildTarget target, RuntimeException cause) {
        LOG.warn("Building index {} on {} failed; removing it: {}", target.index(), target.table(), cause.toString());
        try {
            lock.exclusively(() -> {
                try {
                    indexes.abandon(target);
                } catch (RocksDBException e) {
                    throw StorageFailures.wrap("removing index '" + target.index() + "'", e);
                }
            });
        } catch (SkiffException e) {
            // Closed or failing: the index stays building, and the next open builds it again.
            cause.addSuppressed(e);
        }
    }

    /** A chunk of items and the descriptors it was read under. */
    private record Chunked(Building building, IndexBackfill.Chunk items) {
    }
}
