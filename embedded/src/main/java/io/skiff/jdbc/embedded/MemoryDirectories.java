package io.skiff.jdbc.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary directories of {@code mem:} databases. Each is named after the process that made
 * it (pid and start time), so that directories left behind by a JVM that died without closing
 * its connections can be recognised and removed by a later one: a killed JVM cannot clean up.
 */
final class MemoryDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryDirectories.class);
    private static final String PREFIX = "skiff-mem-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-.*");

    private final Path root;
    private final long pid;
    private final long startMillis;
    private boolean swept;

    MemoryDirectories(Path root, ProcessHandle owner) {
        this.root = root;
        this.pid = owner.pid();
        this.startMillis = startMillisOf(owner).orElse(0L);
    }

    /** The directories under the JVM's temporary directory, owned by this process. */
    static MemoryDirectories system() {
        return new MemoryDirectories(Path.of(System.getProperty("java.io.tmpdir")), ProcessHandle.current());
    }

    /** A new, empty directory for one database; the first call also removes abandoned ones. */
    synchronized Path create() throws IOException {
        if (!swept) {
            swept = true;
            sweepAbandoned();
        }
        Files.createDirectories(root);
        return Files.createTempDirectory(root, PREFIX + pid + "-" + startMillis + "-");
    }

    /** Deletes the directories of processes that are no longer running; returns how many. */
    int sweepAbandoned() {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches() && !isRunning(Long.parseLong(name.group(1)), Long.parseLong(name.group(2)))) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look for abandoned mem: databases in {}: {}", root, e.toString());
        }
        if (removed > 0) {
            LOG.info("Removed {} abandoned mem: database directories from {}", removed, root);
        }
        return removed;
    }

    /** A pid alone may have been reused by another program: the start time must match too. */
    private boolean isRunning(long ownerPid, long ownerStartMillis) {
        if (ownerPid == pid) {
            return ownerStartMillis == startMillis;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(ownerPid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Long> started = startMillisOf(process.get());
        // Without a start time to compare, keep the directory: deleting a live database is worse.
        return started.isEmpty() || ownerStartMillis == 0 || started.get() == ownerStartMillis;
    }

    private static Optional<Long> startMillisOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary database directory {}: {}", directory, e.toString());
        }
    }
}
