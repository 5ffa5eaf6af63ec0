package io.skiff.jdbc;

import java.time.Instant;

/**
 * An index being built by a {@code CREATE INDEX}, which files every item of its table before the
 * statement returns: how far it has come. Read with {@link IndexBuilds#indexBuilds()}.
 *
 * @param table the table being indexed
 * @param index the name of the new index
 * @param plugin the index plugin, e.g. {@code trigram}
 * @param itemsFiled items filed in the index so far
 * @param estimatedItems the table's items as estimated when the build began, 0 when there was no
 *        estimate; the build may file more or fewer
 * @param started when the build began, by the clock of the database's machine
 */
public record IndexBuild(String table, String index, String plugin, long itemsFiled, long estimatedItems,
                         Instant started) {

    /**
     * How much of the estimate is filed, from 0 to 1; NaN when there is no estimate or the build
     * has passed it (the estimate was short, so the share is unknown).
     */
    public double fractionDone() {
        if (estimatedItems <= 0 || itemsFiled > estimatedItems) {
            return Double.NaN;
        }
        return (double) itemsFiled / estimatedItems;
    }
}
