package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import org.rocksdb.RocksDBException;

/** Turns RocksDB's failures into Skiff's one error model. */
final class StorageFailures {

    private StorageFailures() {
    }

    /** Whether RocksDB refused to open because another instance holds the directory's LOCK file. */
    static boolean isLockConflict(RocksDBException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("LOCK") && (message.contains("lock hold") || message.contains("unavailable")
                || message.contains("No locks available"));
    }

    static SkiffException wrap(String action, RocksDBException e) {
        String detail = e.getStatus() != null && e.getStatus().getState() != null
                ? e.getStatus().getState() : e.getMessage();
        return new SkiffException(ErrorCode.STORAGE_ERROR, "Storage failure while " + action + ": " + detail, e);
    }
}
