package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import org.rocksdb.RocksDBException;

/** Turns RocksDB's failures into Skiff's one error model. */
final class StorageFailures {

    private StorageFailures() {
    }

    static SkiffException wrap(String action, RocksDBException e) {
        String detail = e.getStatus() != null && e.getStatus().getState() != null
                ? e.getStatus().getState() : e.getMessage();
        return new SkiffException(ErrorCode.STORAGE_ERROR, "Storage failure while " + action + ": " + detail, e);
    }
}
