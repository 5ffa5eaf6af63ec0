package io.skiff.sql.rel;

import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.TransactWriteItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the writes of several executions of one DML statement (a JDBC batch) so that they are
 * committed together, in one all-or-nothing storage write.
 */
public final class WriteCollector {

    /** Where plans find the collector of the execution, if any. */
    public static final String CONTEXT_KEY = "skiff.writeCollector";

    private final List<TransactWriteItem> writes = new ArrayList<>();
    private ItemStore store;

    void add(ItemStore target, List<TransactWriteItem> more) {
        use(target);
        writes.addAll(more);
    }

    void add(ItemStore target, TransactWriteItem write) {
        use(target);
        writes.add(write);
    }

    private void use(ItemStore target) {
        if (store != null && store != target) {
            throw new IllegalStateException("one batch writes to one store");
        }
        store = target;
    }

    /** Commits everything gathered; nothing when nothing was gathered. */
    public void commit() {
        if (!writes.isEmpty()) {
            TableWriter.commit(store, writes);
        }
    }
}
