package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.skiff.core.value.Item;
import io.skiff.storage.api.IndexBuild;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A running index build shows, with its count of items filed, to other threads while it runs,
 * and is gone once it ends, well or not. The gated test plugin stops
 * the build at known counts, so nothing here races the build.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IndexBuildProgressTest extends EngineFixture {

    private static final int ITEMS = 50;
    private static final IndexDefinition BY_GATE =
            new IndexDefinition("by_gate", USERS, "name", GatedIndexPlugin.NAME, Map.of());

    @BeforeEach
    void fill() {
        for (int i = 0; i < ITEMS; i++) {
            engine.put(PutItem.of(USERS, Item.builder().s("pk", "u" + i).s("name", "name " + i).build()));
        }
    }

    @Test
    void aRunningBuildShowsItsGrowingCountAndIsGoneWhenDone() throws Exception {
        assertThat(engine.indexBuilds()).isEmpty();
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(20)) {
            CompletableFuture<Long> building = CompletableFuture.supplyAsync(() -> engine.createIndex(BY_GATE, false));
            gate.awaitPause();
            List<IndexBuild> first = engine.indexBuilds();
            assertThat(first).singleElement().satisfies(build -> {
                assertThat(build.table()).isEqualTo(USERS);
                assertThat(build.index()).isEqualTo("by_gate");
                assertThat(build.plugin()).isEqualTo(GatedIndexPlugin.NAME);
                assertThat(build.itemsFiled()).isEqualTo(20);
                assertThat(build.estimatedItems()).isPositive();
            });
            gate.resume();
            gate.awaitPause();
            assertThat(engine.indexBuilds()).singleElement().satisfies(build -> {
                assertThat(build.itemsFiled()).isEqualTo(40);
                assertThat(build.started()).isEqualTo(first.get(0).started());
            });
            gate.close();
            assertThat(building.get()).isEqualTo(ITEMS);
        }
        assertThat(engine.indexBuilds()).isEmpty();
        assertThat(engine.indexes(USERS)).extracting(IndexDefinition::name).containsExactly("by_gate");
    }

    @Test
    void aFailedBuildIsGoneAndLeavesNoIndex() throws Exception {
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(10)) {
            CompletableFuture<Long> building = CompletableFuture.supplyAsync(() -> engine.createIndex(BY_GATE, false));
            gate.awaitPause();
            assertThat(engine.indexBuilds()).singleElement().extracting(IndexBuild::itemsFiled).isEqualTo(10L);
            gate.failBuilds();
            assertThat(catchThrowable(building::join)).isInstanceOf(CompletionException.class)
                    .hasRootCauseMessage("The test failed the gated build");
        }
        assertThat(engine.indexBuilds()).isEmpty();
        assertThat(engine.indexes(USERS)).isEmpty();
    }
}
