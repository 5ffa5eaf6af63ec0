package io.skiff.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * Snapshots kept as RocksDB checkpoints, one directory per snapshot inside the group's
 * state-machine directory: {@code sm/snapshot.<term>_<index>/db/...}. Ratis ships every file
 * of the latest one to a follower that is too far behind, and on the follower replaces the
 * whole {@code sm} directory with what it received, so the live database lives elsewhere.
 */
final class CheckpointSnapshots implements StateMachineStorage {

    private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

    private volatile Path directory;
    private volatile Snapshot latest;

    /** One snapshot: its log position and its data directory. */
    record Snapshot(TermIndex position, Path dataDirectory) {
    }

    @Override
    public void init(RaftStorage raftStorage) {
        directory = raftStorage.getStorageDir().getStateMachineDir().toPath();
        reload();
    }

    /** Reads the directory again: Ratis may have replaced it with a snapshot from the leader. */
    void reload() {
        latest = scan().stream().max(Comparator.comparingLong(s -> s.position().getIndex())).orElse(null);
    }

    Optional<Snapshot> latest() {
        return Optional.ofNullable(latest);
    }

    /** Where the snapshot at {@code position} goes; the caller writes it, then calls {@link #added}. */
    Path pathFor(TermIndex position) {
        return directory.resolve("snapshot." + position.getTerm() + "_" + position.getIndex());
    }

    void added(TermIndex position) {
        latest = new Snapshot(position, pathFor(position));
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        Snapshot snapshot = latest;
        if (snapshot == null) {
            return null;
        }
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(snapshot.dataDirectory())) {
            paths.filter(Files::isRegularFile).sorted().forEach(path -> files.add(new FileInfo(path, null)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list snapshot " + snapshot.dataDirectory(), e);
        }
        return new FileListSnapshotInfo(files, snapshot.position());
    }

    @Override
    public void format() {
        // Nothing to prepare: snapshot directories are created when taken.
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        int keep = Math.max(1, policy.getNumSnapshotsRetained());
        List<Snapshot> snapshots = scan();
        snapshots.sort(Comparator.comparingLong((Snapshot s) -> s.position().getIndex()).reversed());
        for (Snapshot old : snapshots.subList(Math.min(keep, snapshots.size()), snapshots.size())) {
            deleteTree(old.dataDirectory());
        }
    }

    private List<Snapshot> scan() {
        return scan(directory);
    }

    /** The index of the latest complete snapshot in a state-machine directory, or -1 when none. */
    static long latestIndexIn(Path directory) {
        return scan(directory).stream().mapToLong(s -> s.position().getIndex()).max().orElse(-1);
    }

    private static List<Snapshot> scan(Path directory) {
        List<Snapshot> snapshots = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return snapshots;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(entry -> {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                // A snapshot without its CURRENT file was cut short: ignore it.
                if (name.matches() && Files.isRegularFile(entry.resolve("db").resolve("CURRENT"))) {
                    snapshots.add(new Snapshot(TermIndex.valueOf(Long.parseLong(name.group(1)),
                            Long.parseLong(name.group(2))), entry));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list snapshots in " + directory, e);
        }
        return snapshots;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
