package io.skiff.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes closed Raft log segments that the latest snapshot covers entirely, before the Raft
 * server starts. A follower that installs a snapshot from the leader keeps its old segments
 * until a later purge; if it stops before that purge, the old segments and the ones written
 * after the snapshot leave a gap that Ratis 3.1.3 refuses to load ("Found a gap between logs",
 * see RATIS-2056). What a snapshot covers is never needed again, so removing it is what the
 * purge would have done.
 */
final class CoveredLogSegments {

    private static final Logger LOG = LoggerFactory.getLogger(CoveredLogSegments.class);
    private static final Pattern CLOSED_SEGMENT = Pattern.compile("log_(\\d+)-(\\d+)");

    private CoveredLogSegments() {
    }

    /** Removes them from the group directory {@code <raft storage>/<group id>}. */
    static void remove(Path groupDirectory) {
        Path current = groupDirectory.resolve("current");
        long snapshotIndex = CheckpointSnapshots.latestIndexIn(groupDirectory.resolve("sm"));
        if (snapshotIndex < 0 || !Files.isDirectory(current)) {
            return;
        }
        try (Stream<Path> files = Files.list(current)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher segment = CLOSED_SEGMENT.matcher(file.getFileName().toString());
                if (segment.matches()) {
                    long end = Long.parseLong(segment.group(2));
                    if (end <= snapshotIndex) {
                        Files.delete(file);
                        LOG.info("Removed log segment {}: snapshot {} covers it", file.getFileName(), snapshotIndex);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the Raft log in " + current, e);
        }
    }
}
