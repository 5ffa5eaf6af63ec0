package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.sql.exec.StatementPlanner;
import io.skiff.sql.schema.SkiffSchema;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.Scan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A PartiQL session over a real engine on a real RocksDB in a temporary directory. */
abstract class PartiqlFixture {

    static final EngineOptions SMALL = EngineOptions.builder().blockCacheBytes(8 << 20).writeBufferBytes(4 << 20)
            .build();

    @TempDir
    Path dataDir;
    Engine engine;
    PartiqlSession session;

    @BeforeEach
    void open() {
        engine = Engine.open(dataDir, SMALL);
        session = engineOver(engine, Clock.systemUTC()).openSession();
    }

    static PartiqlEngine engineOver(Engine engine, Clock clock) {
        return new PartiqlEngine(engine, new StatementPlanner(new SkiffSchema(engine)), clock);
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    /** Creates a table keyed by {@code pk} (and {@code sk} when given), e.g. {@code table("T", "pk:S", "sk:N")}. */
    void table(String name, String... keys) {
        KeyAttribute partition = key(keys[0]);
        engine.createTable(keys.length == 1 ? TableSchema.of(name, partition)
                : TableSchema.of(name, partition, key(keys[1])));
    }

    private static KeyAttribute key(String spec) {
        String[] parts = spec.split(":");
        return KeyAttribute.of(parts[0], AttributeType.fromTag(parts[1]));
    }

    /** Runs a statement and returns its items. */
    List<Item> run(String statement, AttributeValue... parameters) {
        return session.execute(statement, parameters).items();
    }

    /** Runs a statement and returns its items as DynamoDB JSON. */
    List<String> json(String statement, AttributeValue... parameters) {
        return run(statement, parameters).stream().map(ItemJson::writeItem).toList();
    }

    static Item item(String json) {
        return ItemJson.readItem(json);
    }

    static AttributeValue s(String value) {
        return AttributeValue.s(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.n(value);
    }

    /** Every item of every table, by table: to check that a rejected statement changed nothing. */
    Map<String, List<Item>> contents() {
        Map<String, List<Item>> all = new TreeMap<>();
        for (TableSchema schema : engine.listTables()) {
            List<Item> items = new ArrayList<>();
            Scan scan = Scan.table(schema.name());
            while (true) {
                Page page = engine.scan(scan);
                items.addAll(page.items());
                if (page.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                scan = scan.startAfter(page.lastEvaluatedKey().get());
            }
            all.put(schema.name(), items);
        }
        return all;
    }

    static SkiffException failure(ErrorCode code, ThrowingCallable call) {
        SkiffException e = catchThrowableOfType(SkiffException.class, call);
        assertThat(e).as("expected a SkiffException with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }

    /** The failure of a statement, which must leave every table as it was. */
    SkiffException rejected(ErrorCode code, String statement, AttributeValue... parameters) {
        Map<String, List<Item>> before = contents();
        SkiffException e = failure(code, () -> session.execute(statement, List.of(parameters), ExecuteOptions.DEFAULT));
        assertThat(contents()).as("data after the rejected statement %s", statement).isEqualTo(before);
        return e;
    }

    static List<AttributeValue> values(AttributeValue... values) {
        return Arrays.asList(values);
    }
}
