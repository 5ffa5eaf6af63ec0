package io.skiff.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code CREATE INDEX} whose build is running: how far it has come, for progress reports. A
 * build files every item of its table; it shows from the moment it starts filing until it ends,
 * whether it succeeds or fails.
 *
 * @param table the table being indexed
 * @param index the name of the new index
 * @param plugin the index plugin, e.g. {@code trigram}
 * @param itemsFiled items filed in the index so far
 * @param estimatedItems RocksDB's estimate of the table's items when the build began, 0 when it
 *        had none; only an estimate, so the build may file more or fewer
 * @param started when the build began, by the clock of the machine that runs it
 */
public record IndexBuild(String table, String index, String plugin, long itemsFiled, long estimatedItems,
                         Instant started) {

    public IndexBuild {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(started, "started");
    }
}
