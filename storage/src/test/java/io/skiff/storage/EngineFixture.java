package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.Item;
import io.skiff.storage.api.Scan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real engine on a real RocksDB in a temporary directory, opened fresh for every test. */
abstract class EngineFixture {

    static final String USERS = "users";
    static final String EVENTS = "events";

    /** Small caches: tests hold little data and many engines run one after another. */
    static final EngineOptions SMALL = EngineOptions.builder().blockCacheBytes(8 << 20).writeBufferBytes(4 << 20).build();

    @TempDir
    Path dataDir;
    Engine engine;

    @BeforeEach
    void openEngine() {
        engine = Engine.open(dataDir, SMALL);
        engine.createTable(TableSchema.of(USERS, KeyAttribute.of("pk", AttributeType.S)));
        engine.createTable(TableSchema.of(EVENTS, KeyAttribute.of("pk", AttributeType.S),
                KeyAttribute.of("sk", AttributeType.N)));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    void reopen() {
        engine.close();
        engine = Engine.open(dataDir, SMALL);
    }

    static Item user(String pk, long age) {
        return Item.builder().s("pk", pk).n("age", age).build();
    }

    static Item event(String pk, long sk) {
        return Item.builder().s("pk", pk).n("sk", sk).s("kind", "k" + sk).build();
    }

    static Item key(String pk) {
        return Item.builder().s("pk", pk).build();
    }

    static Item key(String pk, long sk) {
        return Item.builder().s("pk", pk).n("sk", sk).build();
    }

    /** Every item of a table, by scanning page after page. */
    List<Item> all(String table) {
        List<Item> items = new ArrayList<>();
        Scan scan = Scan.table(table);
        while (true) {
            var page = engine.scan(scan);
            items.addAll(page.items());
            if (page.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            scan = scan.startAfter(page.lastEvaluatedKey().get());
        }
    }

    /** Runs a call that must fail with the given code and returns the failure. */
    static SkiffException failure(ErrorCode code, ThrowingCallable call) {
        SkiffException e = catchThrowableOfType(SkiffException.class, call);
        assertThat(e).as("expected a SkiffException with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}
