package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closed log segments below the latest complete snapshot go; everything else stays. */
class CoveredLogSegmentsTest {

    @TempDir
    Path group;

    @Test
    void segmentsTheSnapshotCoversAreRemovedBeforeStart() throws Exception {
        Files.createDirectories(group.resolve("sm/snapshot.3_100/db"));
        Files.writeString(group.resolve("sm/snapshot.3_100/db/CURRENT"), "MANIFEST-000001\n");
        // A newer snapshot cut short (no CURRENT) does not count.
        Files.createDirectories(group.resolve("sm/snapshot.4_500/db"));
        Path current = Files.createDirectories(group.resolve("current"));
        for (String name : new String[] {"log_0-50", "log_51-100", "log_101-120", "log_inprogress_121", "raft-meta"}) {
            Files.writeString(current.resolve(name), "x");
        }

        CoveredLogSegments.remove(group);

        try (Stream<Path> left = Files.list(current)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("log_101-120", "log_inprogress_121", "raft-meta");
        }
    }

    @Test
    void withoutASnapshotNothingIsRemoved() throws Exception {
        Path current = Files.createDirectories(group.resolve("current"));
        Files.writeString(current.resolve("log_0-50"), "x");

        CoveredLogSegments.remove(group);

        assertThat(current.resolve("log_0-50")).exists();
    }
}
