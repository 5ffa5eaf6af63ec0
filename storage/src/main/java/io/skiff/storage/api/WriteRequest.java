package io.skiff.storage.api;

import io.skiff.core.value.Item;
import java.util.Objects;

/** One unconditional write of a batch: a put or a delete. */
public sealed interface WriteRequest permits WriteRequest.Put, WriteRequest.Delete {

    /** The table written to. */
    String table();

    static Put put(String table, Item item) {
        return new Put(table, item);
    }

    static Delete delete(String table, Item key) {
        return new Delete(table, key);
    }

    /** Writes a whole item, replacing any item with the same key. */
    record Put(String table, Item item) implements WriteRequest {
        public Put {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(item, "item");
        }
    }

    /** Deletes the item with this key, if there is one. */
    record Delete(String table, Item key) implements WriteRequest {
        public Delete {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }
    }
}
