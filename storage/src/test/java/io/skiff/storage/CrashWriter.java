package io.skiff.storage;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.Item;
import io.skiff.storage.api.WriteRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link CrashDurabilityTest}: writes batches numbered from
 * {@code args[1]} on forever and prints {@code ACK n} after batch {@code n} is acknowledged,
 * until it is killed. With {@code args[2] = sync} every batch is fsynced.
 */
public final class CrashWriter {

    static final String TABLE = "crash_items";
    static final int BATCH_SIZE = 10;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        boolean sync = args.length > 2 && args[2].equals("sync");
        Engine engine = Engine.open(Path.of(args[0]), EngineOptions.builder().syncWrites(sync).build());
        if (engine.findTable(TABLE).isEmpty()) {
            engine.createTable(TableSchema.of(TABLE, KeyAttribute.of("pk", AttributeType.S),
                    KeyAttribute.of("i", AttributeType.N)));
        }
        String padding = "p".repeat(2000);
        for (long batch = Long.parseLong(args[1]); ; batch++) {
            List<WriteRequest> writes = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                writes.add(WriteRequest.put(TABLE, Item.builder().s("pk", "batch-" + batch).n("i", i)
                        .n("batch", batch).s("padding", padding).build()));
            }
            engine.batchWrite(writes);
            System.out.println("ACK " + batch);
            System.out.flush();
        }
    }
}
