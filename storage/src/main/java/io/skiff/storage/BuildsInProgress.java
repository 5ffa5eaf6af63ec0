package io.skiff.storage;

import io.skiff.storage.api.IndexBuild;
import io.skiff.storage.api.IndexDefinition;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index builds running in one engine, readable from any thread without the engine's lock:
 * each build counts its items in an atomic counter, and the list of builds changes only when
 * one starts or ends.
 */
final class BuildsInProgress {

    private final List<Running> running = new CopyOnWriteArrayList<>();

    /** Registers a build of {@code definition}; closing the result removes it again. */
    Running start(IndexDefinition definition, long estimatedItems) {
        Running build = new Running(definition, Math.max(0, estimatedItems), Instant.now());
        running.add(build);
        return build;
    }

    /** The builds running now, oldest first, each with its count at the time of the call. */
    List<IndexBuild> snapshot() {
        return running.stream().map(Running::progress).toList();
    }

    /** One running build; the building thread counts its items, any thread may read them. */
    final class Running implements AutoCloseable {

        private final IndexDefinition definition;
        private final long estimatedItems;
        private final Instant started;
        private final AtomicLong filed = new AtomicLong();

        private Running(IndexDefinition definition, long estimatedItems, Instant started) {
            this.definition = definition;
            this.estimatedItems = estimatedItems;
            this.started = started;
        }

        /** Counts one more item filed; returns how many are filed now. */
        long filedOne() {
            return filed.incrementAndGet();
        }

        /** An item counted by {@link #filedOne} was deleted before it could be filed. */
        void uncountOne() {
            filed.decrementAndGet();
        }

        long filed() {
            return filed.get();
        }

        private IndexBuild progress() {
            return new IndexBuild(definition.table(), definition.name(), definition.plugin(), filed.get(),
                    estimatedItems, started);
        }

        /** The build ended, well or not: it no longer shows. */
        @Override
        public void close() {
            running.remove(this);
        }
    }
}
