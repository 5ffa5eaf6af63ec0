package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index definitions are replicated commands built by every replica of every group over its own
 * items; the item writes that follow maintain them in the replicated apply path, so every node
 * finds the same candidates, before and after a restart.
 */
class ReplicatedIndexTest {

    private static final TableSchema USERS = TableSchema.of("users", KeyAttribute.of("pk", AttributeType.S));
    private static final IndexDefinition BY_NAME = new IndexDefinition("by_name", "users", "name", "trigram",
            Map.of());
    private static final io.skiff.functions.DistanceOperator LEVENSHTEIN =
            io.skiff.functions.DistanceOperators.load().find("levenshtein").orElseThrow();
    private static final TermIndex TRIGRAM = (TermIndex) IndexPlugins.load().configure("trigram", Map.of());

    @TempDir
    java.nio.file.Path dir;

    private static Probe near(String name) {
        return TRIGRAM.probe(new IndexPredicate.WithinDistance("levenshtein", new StringValue(name), 1)).orElseThrow();
    }

    private static List<String> keys(List<Item> items) {
        return items.stream().map(item -> ((StringValue) item.get("pk")).value()).sorted().toList();
    }

    @Test
    void everyReplicaOfEveryGroupBuildsAndMaintainsTheIndex() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(4))) {
            ReplicaNode home = cluster.follower();
            ReplicatedStore store = home.store(Consistency.STRONG);
            store.createTable(USERS);
            for (int i = 0; i < 40; i++) {
                store.put(PutItem.of("users", Item.builder().s("pk", "u" + i).s("name", i % 2 == 0 ? "habib" : "maria")
                        .build()));
            }
            long catalogBefore = store.catalogVersion();
            assertThat(store.createIndex(BY_NAME, false)).isEqualTo(40);
            assertThat(store.catalogVersion()).as("a definition moves the catalog version").isNotEqualTo(catalogBefore);
            assertThat(store.indexes("users")).containsExactly(BY_NAME);
            assertThatThrownBy(() -> store.createIndex(BY_NAME, false)).isInstanceOfSatisfying(SkiffException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
            assertThat(store.createIndex(BY_NAME, true)).isZero();

            store.put(PutItem.of("users", Item.builder().s("pk", "new").s("name", "habibs").build()));
            store.delete(DeleteItem.of("users", Item.builder().s("pk", "u0").build()));
            cluster.awaitConverged();

            List<String> expected = keys(store.indexCandidates("users", "by_name", near("habib")));
            assertThat(expected).hasSize(20).contains("new").doesNotContain("u0", "u1");
            for (ReplicaNode node : cluster.running()) {
                assertThat(keys(node.store(Consistency.EVENTUAL).indexCandidates("users", "by_name", near("habib"))))
                        .as(node.nodeId()).isEqualTo(expected);
            }

            String restarted = cluster.running().stream().map(ReplicaNode::nodeId)
                    .filter(id -> !id.equals(home.nodeId())).findFirst().orElseThrow();
            cluster.kill(restarted);
            store.put(PutItem.of("users", Item.builder().s("pk", "later").s("name", "habib").build()));
            cluster.restart(restarted);
            cluster.awaitConverged();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(keys(
                    cluster.node(restarted).store(Consistency.EVENTUAL).indexCandidates("users", "by_name",
                            near("habib")))).contains("later", "new").hasSize(21));

            long beforeDrop = store.catalogVersion();
            store.dropIndex("users", "by_name", false);
            assertThat(store.indexes("users")).isEmpty();
            assertThat(store.catalogVersion()).isNotEqualTo(beforeDrop);
        }
    }

    @Test
    void aNodeReportsTheBuildsOfItsOwnReplicasWhileTheyRun() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 1);
             GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(15)) {
            ReplicatedStore store = cluster.leader().store(Consistency.STRONG);
            store.createTable(USERS);
            for (int i = 0; i < 40; i++) {
                store.put(PutItem.of("users", Item.builder().s("pk", "u" + i).s("name", "n" + i).build()));
            }
            IndexDefinition byGate = new IndexDefinition("by_gate", "users", "name", GatedIndexPlugin.NAME, Map.of());
            CompletableFuture<Long> building = CompletableFuture.supplyAsync(() -> store.createIndex(byGate, false));
            // The replica applies the definition and pauses in its build, on the node's apply thread.
            gate.awaitPause();
            assertThat(store.indexBuilds()).singleElement().satisfies(build -> {
                assertThat(build.index()).isEqualTo("by_gate");
                assertThat(build.table()).isEqualTo("users");
                assertThat(build.itemsFiled()).isEqualTo(15);
            });
            gate.close();
            assertThat(building.get()).isEqualTo(40);
            assertThat(store.indexBuilds()).isEmpty();
        }
    }

    /**
     * Replicas build in the background: while every replica's build is paused midway, writes
     * commit and every replica applies them (the log does not wait for the build); afterwards
     * every replica's index finds exactly what a scan of its own items finds.
     */
    @Test
    void writesGoOnWhileEveryReplicaBuildsAndEveryReplicaEndsExact() throws Exception {
        IndexDefinition byGate = new IndexDefinition("by_gate", "users", "name", GatedIndexPlugin.NAME,
                Map.of(GatedIndexPlugin.LIKE, "trigram"));
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore store = cluster.leader().store(Consistency.STRONG);
            store.createTable(USERS);
            String[] names = {"habib", "habibs", "maria", "rabbit", "hobbit"};
            for (int i = 0; i < 120; i++) {
                store.put(PutItem.of("users", Item.builder().s("pk", "u" + i).s("name", names[i % names.length])
                        .build()));
            }
            CompletableFuture<Long> building;
            try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(40)) {
                building = CompletableFuture.supplyAsync(() -> store.createIndex(byGate, false));
                // Three builds (one per replica) count on one gate: wait until each is paused.
                gate.awaitPause();
                gate.awaitPause();
                gate.awaitPause();
                assertThat(store.indexes("users")).isEmpty();
                for (int i = 0; i < 120; i += 4) {
                    store.update(io.skiff.storage.api.UpdateItem.of("users", Item.builder().s("pk", "u" + i).build(),
                            io.skiff.core.expr.Update.of(new io.skiff.core.expr.UpdateAction.Set(
                                    io.skiff.core.expr.Path.parse("name"), io.skiff.core.expr.UpdateValue.value(
                                            new StringValue("habibz"))))));
                }
                for (int i = 1; i < 120; i += 9) {
                    store.delete(DeleteItem.of("users", Item.builder().s("pk", "u" + i).build()));
                }
                store.put(PutItem.of("users", Item.builder().s("pk", "new").s("name", "habib").build()));
                // Every replica applied every write while its build is paused.
                cluster.awaitConverged();
                assertThat(building).isNotDone();
            }
            assertThat(building.get()).isPositive();
            assertThat(store.indexes("users")).containsExactly(byGate);
            for (ReplicaNode node : cluster.running()) {
                List<Item> items = LocalCluster.scanAll(node, "users");
                for (String target : List.of("habib", "maria", "hobbit", "habibz")) {
                    List<String> scanned = keys(items.stream().filter(item -> LEVENSHTEIN.distance(item.get("name"),
                            new StringValue(target)).orElse(Double.MAX_VALUE) <= 1).toList());
                    assertThat(keys(node.store(Consistency.EVENTUAL).indexCandidates("users", "by_gate",
                            near(target)))).as(node.nodeId() + " " + target).isEqualTo(scanned);
                }
            }
        }
    }
}
