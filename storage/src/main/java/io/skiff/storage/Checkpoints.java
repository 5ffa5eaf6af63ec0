package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Named checkpoints under {@code <data dir>/checkpoints/<name>/db}; each is itself a data directory. */
final class Checkpoints {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,127}");

    private final Path root;

    Checkpoints(Path root) {
        this.root = root;
    }

    Path create(RocksDB db, String name) {
        Path target = root.resolve(checkName(name));
        if (Files.exists(target)) {
            throw new SkiffException(ErrorCode.CHECKPOINT_ALREADY_EXISTS, "Checkpoint '" + name + "' already exists");
        }
        createAt(db, target);
        return target;
    }

    /** Writes a checkpoint of {@code db} as the data directory {@code target}, which must not exist. */
    static void createAt(RocksDB db, Path target) {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            Files.createDirectories(target);
            checkpoint.createCheckpoint(target.resolve("db").toString());
        } catch (RocksDBException e) {
            deleteTree(target);
            throw StorageFailures.wrap("creating a checkpoint at " + target, e);
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Cannot create a checkpoint at " + target + ": " + e, e);
        }
    }

    /**
     * Replaces the data directory {@code target} with a copy of {@code source}. Table files
     * never change once written, so they are hard-linked where the filesystem allows; the
     * few mutable files (manifest, options, current) are copied.
     */
    static void copyDataDirectory(Path source, Path target) {
        Path staging = target.resolveSibling(target.getFileName() + ".incoming");
        try {
            deleteTree(staging);
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path from : (Iterable<Path>) paths::iterator) {
                    Path to = staging.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else if (from.getFileName().toString().endsWith(".sst")) {
                        linkOrCopy(from, to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Cannot copy data directory " + source + " to "
                    + target + ": " + e, e);
        }
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    List<String> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = new ArrayList<>();
            entries.filter(p -> Files.isDirectory(p.resolve("db"))).forEach(p -> names.add(p.getFileName().toString()));
            names.sort(Comparator.naturalOrder());
            return names;
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Cannot list checkpoints: " + e, e);
        }
    }

    Path require(String name) {
        Path dir = root.resolve(checkName(name));
        if (!Files.isDirectory(dir.resolve("db"))) {
            throw new SkiffException(ErrorCode.CHECKPOINT_NOT_FOUND, "Checkpoint '" + name + "' does not exist");
        }
        return dir;
    }

    void delete(String name) {
        deleteTree(require(name));
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw SkiffException.validation("Invalid checkpoint name '" + name
                    + "': use 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.', not starting with '.'");
        }
        return name;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Cannot delete checkpoint at " + dir + ": " + e, e);
        }
    }
}
