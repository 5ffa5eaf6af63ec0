package io.skiff.jdbc.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void removesTheDirectoriesOfProcessesThatAreGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long startMillis = finished.info().startInstant().map(Instant::toEpochMilli).orElse(1L);
        Path abandoned = Files.createDirectories(root.resolve("skiff-mem-" + finished.pid() + "-" + startMillis + "-x1"));
        Files.writeString(abandoned.resolve("CURRENT"), "MANIFEST-000001\n");

        int removed = new MemoryDirectories(root, ProcessHandle.current()).sweepAbandoned();

        assertThat(removed).isEqualTo(1);
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void keepsTheDirectoriesOfRunningProcessesAndUnrelatedOnes() throws Exception {
        MemoryDirectories mine = new MemoryDirectories(root, ProcessHandle.current());
        Path live = mine.create();
        Path parent = ProcessHandle.current().parent().map(p -> {
            long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            return root.resolve("skiff-mem-" + p.pid() + "-" + start + "-y");
        }).orElse(root.resolve("skiff-mem-parentless"));
        Files.createDirectories(parent);
        Path unrelated = Files.createDirectories(root.resolve("skiff-mem-not-a-pid"));
        Path other = Files.createDirectories(root.resolve("someone-else"));

        int removed = new MemoryDirectories(root, ProcessHandle.current()).sweepAbandoned();

        assertThat(removed).isZero();
        assertThat(live).isDirectory();
        assertThat(parent).isDirectory();
        assertThat(unrelated).isDirectory();
        assertThat(other).isDirectory();
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsAbandoned() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path earlierLife = Files.createDirectories(root.resolve("skiff-mem-" + pid + "-12345-z"));

        int removed = new MemoryDirectories(root, ProcessHandle.current()).sweepAbandoned();

        assertThat(removed).isEqualTo(1);
        assertThat(earlierLife).doesNotExist();
    }

    @Test
    void theFirstCreationSweepsAndNamesTheDirectoryAfterThisProcess() throws Exception {
        Path stale = Files.createDirectories(root.resolve("skiff-mem-" + ProcessHandle.current().pid() + "-7-old"));

        Path created = new MemoryDirectories(root, ProcessHandle.current()).create();

        assertThat(stale).doesNotExist();
        assertThat(created.getFileName().toString()).startsWith("skiff-mem-" + ProcessHandle.current().pid() + "-");
    }
}
