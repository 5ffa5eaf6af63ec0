package io.skiff.storage;

import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.functions.Probe;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Index builds run while the engine serves reads and writes. The gated test plugin stops a build
 * midway (after its first chunk is filed, inside its second), and the test writes, reads and runs
 * DDL meanwhile; afterwards the index must give exactly what a full scan gives.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OnlineIndexBuildTest extends EngineFixture {

    private static final int ITEMS = 1200;
    /** Past the first chunk of a build: the pause falls in the second chunk, before the third is read. */
    private static final int PAUSE_EVERY = OnlineIndexBuilds.CHUNK_ITEMS + 188;
    private static final String[] NAMES = {"habib", "maria", "rabbit", "hobbit", "mario"};
    private static final IndexDefinition BY_GATE =
            new IndexDefinition("by_gate", USERS, "name", GatedIndexPlugin.NAME, Map.of());

    @BeforeEach
    void fill() {
        for (int i = 0; i < ITEMS; i++) {
            engine.put(PutItem.of(USERS, named("u" + i, NAMES[i % NAMES.length])));
        }
    }

    private static Item named(String pk, String name) {
        return Item.builder().s("pk", pk).s("name", name).build();
    }

    private static Probe exactly(String name) {
        return new Probe.Terms(List.of(name.getBytes(StandardCharsets.UTF_8)), 1);
    }

    private static Set<String> keys(List<Item> items) {
        return items.stream().map(item -> ((StringValue) item.get("pk")).value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** For every name any item holds (and a few none holds), the index finds exactly what a scan finds. */
    private void assertExact(String index) {
        List<Item> all = all(USERS);
        Set<String> names = new TreeSet<>(List.of(NAMES));
        names.add("nobody");
        all.forEach(item -> {
            if (item.get("name") instanceof StringValue name) {
                names.add(name.value());
            }
        });
        for (String name : names) {
            Set<String> scanned = keys(all.stream().filter(item -> s(name).equals(item.get("name"))).toList());
            assertThat(keys(engine.indexCandidates(USERS, index, exactly(name)))).as(name).isEqualTo(scanned);
        }
    }

    private CompletableFuture<Long> buildInBackground(IndexDefinition definition) {
        return CompletableFuture.supplyAsync(() -> engine.createIndex(definition, false));
    }

    private static UpdateItem rename(String pk, String name) {
        return UpdateItem.of(USERS, key(pk), Update.of(new UpdateAction.Set(Path.parse("name"),
                UpdateValue.value(s(name)))));
    }

    private static SkiffException failureOf(CompletableFuture<?> build) {
        Throwable failure = catchThrowable(build::join);
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SkiffException.class);
        return (SkiffException) failure.getCause();
    }

    @Test
    void readsWritesAndDdlGoOnWhileABuildIsPausedAndTheIndexEndsExact() throws Exception {
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
            CompletableFuture<Long> building = buildInBackground(BY_GATE);
            gate.awaitPause();

            // Reads of both tables answer, and none of them uses the index being built.
            assertThat(engine.get(GetItem.of(USERS, key("u1")))).isPresent();
            assertThat(all(USERS)).hasSize(ITEMS);
            assertThat(engine.query(Query.partition(EVENTS, s("e"))).items()).isEmpty();
            assertThat(engine.indexes(USERS)).isEmpty();
            assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.indexCandidates(USERS, "by_gate",
                    exactly("habib")))).hasMessageContaining("is being built");
            assertThat(engine.indexBuilds()).singleElement().satisfies(build ->
                    assertThat(build.itemsFiled()).isEqualTo(PAUSE_EVERY));

            // A second create of the name is refused; IF NOT EXISTS does nothing.
            assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> engine.createIndex(BY_GATE, false)))
                    .hasMessageContaining("already has an index named 'by_gate'");
            assertThat(engine.createIndex(BY_GATE, true)).isZero();

            // Every write path, spread over items already filed, read but not filed, and not read yet.
            for (int i = 0; i < ITEMS; i += 7) {
                engine.update(rename("u" + i, "marina" + i % 3));
            }
            for (int i = 3; i < ITEMS; i += 11) {
                engine.delete(DeleteItem.of(USERS, key("u" + i)));
            }
            for (int i = 5; i < ITEMS; i += 13) {
                engine.put(PutItem.of(USERS, named("u" + i, "habibs")));
            }
            engine.batchWrite(List.of(WriteRequest.put(USERS, named("n1", "habib")),
                    WriteRequest.put(USERS, named("n2", "rabbits")), WriteRequest.delete(USERS, key("u2"))));
            engine.transactWrite(List.of(TransactWriteItem.put(PutItem.of(USERS, named("t1", "maria"))),
                    TransactWriteItem.delete(DeleteItem.of(USERS, key("u4"))),
                    TransactWriteItem.update(rename("u6", "hobbits"))));
            engine.statementWrite(List.of(TransactWriteItem.update(rename("u8", "mario")),
                    TransactWriteItem.put(PutItem.of(USERS, named("s1", "mario")))));
            engine.prepareTransaction("tx", 0, List.of(TransactWriteItem.update(rename("u9", "prepared"))), false,
                    LogPosition.NONE);
            engine.commitPrepared("tx", LogPosition.NONE);
            engine.put(PutItem.of(EVENTS, event("e", 1)));
            engine.createTable(TableSchema.of("other", KeyAttribute.of("pk", AttributeType.S)));

            gate.close();
            assertThat(building.get()).isPositive();
        }
        assertThat(engine.indexBuilds()).isEmpty();
        assertThat(engine.indexes(USERS)).extracting(IndexDefinition::name).containsExactly("by_gate");
        assertExact("by_gate");

        // Ready now: writes go on maintaining it, and a restart keeps it ready.
        engine.update(rename("u1", "habib"));
        engine.delete(DeleteItem.of(USERS, key("u10")));
        assertExact("by_gate");
        reopen();
        assertThat(engine.indexes(USERS)).extracting(IndexDefinition::name).containsExactly("by_gate");
        assertExact("by_gate");
    }

    @Test
    void droppingTheIndexStopsItsBuildAndLeavesNothingBehind() throws Exception {
        CompletableFuture<Long> building;
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
            building = buildInBackground(BY_GATE);
            gate.awaitPause();
            engine.dropIndex(USERS, "by_gate", false);
            assertThat(engine.indexes(USERS)).isEmpty();
        }
        assertThat(failureOf(building)).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.getMessage()).contains("by_gate", "was dropped while it was being built");
        });
        assertThat(engine.indexBuilds()).isEmpty();

        engine.update(rename("u0", "renamed"));
        assertThat(engine.createIndex(BY_GATE, false)).isEqualTo(ITEMS);
        assertExact("by_gate");
    }

    @Test
    void droppingTheTableStopsItsBuild() throws Exception {
        CompletableFuture<Long> building;
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
            building = buildInBackground(BY_GATE);
            gate.awaitPause();
            engine.dropTable(USERS);
            engine.createTable(TableSchema.of(USERS, KeyAttribute.of("pk", AttributeType.S)));
            engine.put(PutItem.of(USERS, named("a", "habib")));
        }
        assertThat(failureOf(building)).satisfies(e -> assertThat(e.getMessage())
                .contains("its table was dropped"));
        assertThat(engine.indexes(USERS)).isEmpty();
        assertThat(engine.createIndex(BY_GATE, false)).isEqualTo(1);
        assertThat(keys(engine.indexCandidates(USERS, "by_gate", exactly("habib")))).containsExactly("a");
    }

    @Test
    void anIndexLeftBuildingByARestartIsBuiltAgainWhenTheEngineOpens() throws Exception {
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(PAUSE_EVERY)) {
            CompletableFuture<Long> interrupted = buildInBackground(BY_GATE);
            gate.awaitPause();
            engine.update(rename("u0", "before restart"));
            // The paused build holds no lock: the engine closes under it, and opens with the index building.
            reopen();
            gate.awaitPause();
            assertThat(engine.indexes(USERS)).isEmpty();
            assertThat(engine.indexBuilds()).singleElement().extracting(build -> build.index()).isEqualTo("by_gate");
            engine.update(rename("u1", "during rebuild"));
            engine.delete(DeleteItem.of(USERS, key("u2")));
            // One permit for each paused build: the first engine's and the reopened one's.
            gate.resume();
            gate.resume();
            gate.close();
            assertThat(failureOf(interrupted).code()).isEqualTo(ErrorCode.ENGINE_CLOSED);
            // A count, not a promise: u2 may have been counted before it was deleted.
            assertThat(engine.awaitIndexBuild(USERS, "by_gate")).isBetween(ITEMS - 1L, (long) ITEMS);
        }
        assertThat(engine.indexes(USERS)).extracting(IndexDefinition::name).containsExactly("by_gate");
        assertExact("by_gate");
        reopen(); // ready when it opens: nothing to build, nothing to wait for
        assertThat(engine.indexBuilds()).isEmpty();
        assertThat(engine.awaitIndexBuild(USERS, "by_gate")).isZero();
        assertExact("by_gate");
    }

    @Test
    void aFilterBuiltWhileWritesGoOnNeverMissesAStoredValue() throws Exception {
        IndexDefinition seen = new IndexDefinition("seen", USERS, "name", "cbloom", Map.of("capacity", "10000"));
        CompletableFuture<Long> building = CompletableFuture.supplyAsync(() -> engine.createIndex(seen, false));
        // However the writes interleave with the build, no stored value may be missed afterwards.
        for (int i = 0; i < ITEMS; i += 3) {
            engine.update(rename("u" + i, "changed" + i));
            engine.delete(DeleteItem.of(USERS, key("u" + (i + 1))));
        }
        building.get();
        engine.update(rename("u2", "after"));
        List<String> missed = new ArrayList<>();
        for (Item item : all(USERS)) {
            if (!engine.mightContain(USERS, "seen", item.get("name"))) {
                missed.add(item.get("name").toString());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void anIndexIsNotCreatedWhileAPreparedTransactionHoldsItemsOfItsTable() {
        engine.prepareTransaction("tx", 0, List.of(TransactWriteItem.update(rename("u1", "prepared"))), false,
                LogPosition.NONE);
        assertThat(failure(ErrorCode.WRITE_CONFLICT, () -> engine.createIndex(BY_GATE, false)))
                .hasMessageContaining("was not created");
        assertThat(engine.indexes(USERS)).isEmpty();
        engine.commitPrepared("tx", LogPosition.NONE);
        assertThat(engine.createIndex(BY_GATE, false)).isEqualTo(ITEMS);
        assertExact("by_gate");
    }
}
