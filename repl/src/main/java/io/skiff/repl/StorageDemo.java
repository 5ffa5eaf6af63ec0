package io.skiff.repl;

import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;

import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.Item;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.SortKeyCondition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code ./skiff} runs until the interactive shell lands: a short, real session with the
 * durable storage engine. Each run appends one event to a partition and shows the latest ones,
 * so running it twice shows that the data survived.
 */
public final class StorageDemo {

    static final String TABLE = "demo_events";
    static final String USER = "USER#1";

    private StorageDemo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Optional<Path> dataDir = dataDir(args, out);
        if (dataDir.isEmpty()) {
            return;
        }
        try {
            run(dataDir.get(), out);
        } catch (SkiffException e) {
            System.err.println("error " + e.code() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Path dataDir, PrintStream out) {
        try (Engine engine = Engine.open(dataDir, EngineOptions.defaults())) {
            out.println("Skiff storage demo, data in " + dataDir.toAbsolutePath());
            if (engine.findTable(TABLE).isEmpty()) {
                engine.createTable(TableSchema.of(TABLE, KeyAttribute.of("pk", AttributeType.S),
                        KeyAttribute.of("sk", AttributeType.N)));
                out.println("created table " + TABLE + " (partition key pk S, sort key sk N)");
            }
            long next = engine.query(Query.partition(TABLE, s(USER))).scannedCount() + 1L;
            Item event = Item.builder().s("pk", USER).n("sk", next).s("kind", "demo-run")
                    .put("tags", io.skiff.core.value.AttributeValue.ss("demo", "run-" + next)).build();
            engine.put(PutItem.insert(TABLE, event));
            out.println("inserted " + ItemJson.writeItem(event));
            try {
                engine.put(PutItem.insert(TABLE, event));
            } catch (SkiffException e) {
                out.println("inserting it again fails: " + e.code() + " (SQLState " + e.sqlState() + "): "
                        + e.getMessage());
            }
            Page latest = engine.query(Query.partition(TABLE, s(USER)).where(SortKeyCondition.ge(n(1)))
                    .reverse().limit(5));
            out.println("latest events of " + USER + " (query, descending sort key, limit 5):");
            latest.items().forEach(item -> out.println("  " + ItemJson.writeItem(item)));
            out.println("run ./skiff again: the events of earlier runs are still there.");
        }
    }

    private static Optional<Path> dataDir(String[] args, PrintStream out) {
        Path dir = Path.of("skiff-data");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                out.println("usage: ./skiff [--data-dir DIR]   (default DIR: ./skiff-data)");
                return Optional.empty();
            } else {
                System.err.println("unknown argument '" + args[i] + "'; try --help");
                System.exit(2);
            }
        }
        return Optional.of(dir);
    }
}
