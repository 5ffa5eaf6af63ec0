package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.replication.command.CommandCodec;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.WriteRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes, eight Raft groups: leaders spread, routing by partition hash, independent failover. */
class MultiRaftTest {

    private static final int GROUPS = 8;
    private static final TableSchema ORDERS = TableSchema.of("orders", KeyAttribute.of("customer", AttributeType.S),
            KeyAttribute.of("n", AttributeType.N));

    @TempDir
    java.nio.file.Path dir;

    private static LocalCluster start(java.nio.file.Path dir) {
        return LocalCluster.start(dir, 3, settings -> settings.withGroups(GROUPS));
    }

    @Test
    void leadersSpreadOverTheNodes() {
        try (LocalCluster cluster = start(dir)) {
            // Elections may first go to any node; leadership then moves to each group's preferred node.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<Integer, String> leaders = leaders(cluster);
                assertThat(leaders).hasSize(GROUPS);
                Map<String, Integer> led = new HashMap<>();
                leaders.values().forEach(node -> led.merge(node, 1, Integer::sum));
                assertThat(led).containsOnlyKeys("n1", "n2", "n3");
                assertThat(led.values()).allMatch(count -> count >= 2);
            });
        }
    }

    @Test
    void eachItemLivesInTheGroupOfItsPartitionAndScansReadThemAllOnce() {
        try (LocalCluster cluster = start(dir)) {
            ReplicatedStore store = cluster.follower().store(Consistency.EVENTUAL);
            store.createTable(ORDERS);
            // Another node routes writes to a table it may not have applied the creation of yet.
            for (ReplicaNode node : cluster.running()) {
                node.store(Consistency.EVENTUAL).put(PutItem.of("orders", order("first-" + node.nodeId(), 0)));
                node.store(Consistency.EVENTUAL).delete(io.skiff.storage.api.DeleteItem.of("orders",
                        key(order("first-" + node.nodeId(), 0))));
            }
            List<Item> written = new ArrayList<>();
            for (int c = 0; c < 40; c++) {
                List<WriteRequest> batch = new ArrayList<>();
                for (int n = 0; n < 5; n++) {
                    Item order = order("customer" + c, n);
                    written.add(order);
                    batch.add(WriteRequest.put("orders", order));
                }
                store.batchWrite(batch);
            }
            // A batch over several partitions, hence several groups, is applied too.
            store.batchWrite(List.of(WriteRequest.put("orders", order("x", 1)), WriteRequest.put("orders",
                    order("y", 1)), WriteRequest.put("orders", order("z", 1)), WriteRequest.delete("orders",
                    key(order("customer0", 0)))));
            written.add(order("x", 1));
            written.add(order("y", 1));
            written.add(order("z", 1));
            written.remove(order("customer0", 0));
            cluster.awaitConverged();

            GroupLayout layout = cluster.leader().layout();
            for (ReplicaNode node : cluster.running()) {
                for (Item order : written) {
                    int home = layout.groupOf(order.get("customer"));
                    for (int g = 0; g < GROUPS; g++) {
                        assertThat(node.replica(g).engine().get(GetItem.of("orders", key(order))))
                                .as("%s in group %d on %s", order.get("customer"), g, node.nodeId())
                                .isEqualTo(g == home ? java.util.Optional.of(order) : java.util.Optional.empty());
                    }
                }
            }

            assertThat(scanAll(store, Scan.table("orders").limit(7))).containsExactlyInAnyOrderElementsOf(written);
            List<Item> bySegments = new ArrayList<>();
            for (int segment = 0; segment < 3; segment++) {
                bySegments.addAll(scanAll(store, Scan.table("orders").segment(segment, 3).limit(11)));
            }
            assertThat(bySegments).containsExactlyInAnyOrderElementsOf(written);
            Scan filtered = Scan.table("orders").limit(9)
                    .filter(Condition.eq(Operand.path(Path.attribute("n")), Operand.value(AttributeValue.n(3))));
            List<Item> threes = scanAll(store, filtered);
            assertThat(threes).hasSize(40).allMatch(item -> item.get("n").equals(AttributeValue.n(3)));
            assertThat(store.consistentReads().get(GetItem.of("orders", key(order("customer7", 2)))))
                    .contains(order("customer7", 2));
        }
    }

    /** A partition key whose group differs from that of {@code "a"}. */
    private static String otherGroupThanA(GroupLayout layout) {
        String other = "b";
        while (layout.groupOf(AttributeValue.s(other)) == layout.groupOf(AttributeValue.s("a"))) {
            other = other + "b";
        }
        return other;
    }

    @Test
    void transactionsAndStatementsOverSeveralGroupsCommitAllOrNothing() {
        try (LocalCluster cluster = start(dir)) {
            ReplicatedStore store = cluster.follower().store(Consistency.STRONG);
            store.createTable(ORDERS);
            String other = otherGroupThanA(cluster.leader().layout());

            store.transactWrite(List.of(TransactWriteItem.put(PutItem.of("orders", order("a", 1))),
                    TransactWriteItem.put(PutItem.of("orders", order(other, 1)))));
            store.statementWrite(List.of(TransactWriteItem.put(PutItem.insert("orders", order("a", 2))),
                    TransactWriteItem.put(PutItem.insert("orders", order(other, 2))),
                    TransactWriteItem.put(PutItem.insert("orders", order("c", 2)))));
            assertThat(scanAll(store, Scan.table("orders"))).hasSize(5);

            // One refused item cancels every group's share, with the reason in its place.
            assertThatThrownBy(() -> store.transactWrite(List.of(
                    TransactWriteItem.put(PutItem.of("orders", order("a", 3))),
                    TransactWriteItem.put(PutItem.of("orders", order(other, 3))),
                    TransactWriteItem.check("orders", key(order(other, 1)),
                            Condition.attributeNotExists(Path.attribute("customer"))))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
                        assertThat(e.cancellationReasons()).hasSize(3);
                        assertThat(e.cancellationReasons().get(0).isNone()).isTrue();
                        assertThat(e.cancellationReasons().get(2).code())
                                .isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
                    });
            assertThatThrownBy(() -> store.statementWrite(List.of(
                    TransactWriteItem.put(PutItem.insert("orders", order("a", 4))),
                    TransactWriteItem.put(PutItem.insert("orders", order(other, 1))))))
                    .isInstanceOf(SkiffException.class);
            assertThat(scanAll(store, Scan.table("orders"))).hasSize(5);
            cluster.awaitConverged();
            for (ReplicaNode node : cluster.running()) {
                for (int g = 0; g < GROUPS; g++) {
                    assertThat(node.replica(g).engine().preparedTransactions()).as("group %d on %s", g, node.nodeId())
                            .isEmpty();
                }
            }

            // A batch split over groups is checked whole before any group commits its share.
            Item tooLarge = order(other, 9).with("blob", AttributeValue.s("x".repeat(500 * 1024)));
            assertThatThrownBy(() -> store.batchWrite(List.of(WriteRequest.put("orders", order("a", 9)),
                    WriteRequest.put("orders", tooLarge))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.ITEM_TOO_LARGE));
            assertThat(scanAll(store, Scan.table("orders"))).hasSize(5);
        }
    }

    @Test
    void aShareLeftPreparedByAStoppedCoordinatorIsResolvedByTheGroupsLeader() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(GROUPS)
                .withRequestTimeout(Duration.ofSeconds(1)))) {
            ReplicatedStore store = cluster.leader().store(Consistency.STRONG);
            store.createTable(ORDERS);
            GroupLayout layout = cluster.leader().layout();
            int groupOfA = layout.groupOf(AttributeValue.s("a"));
            int groupOfOther = layout.groupOf(AttributeValue.s(otherGroupThanA(layout)));
            GroupReplica participant = cluster.leader().group(groupOfA);

            // A coordinator that prepared a share and stopped: the key is locked meanwhile.
            participant.submit(CommandCodec.prepare("abandoned", groupOfOther,
                    List.of(TransactWriteItem.put(PutItem.of("orders", order("a", 1)))), false)).result();
            assertThatThrownBy(() -> store.put(PutItem.of("orders", order("a", 1))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.WRITE_CONFLICT));
            // No decision was recorded: the leader of its group aborts it.
            await().atMost(Duration.ofSeconds(30)).until(() -> store.get(GetItem.of("orders", key(order("a", 1))))
                    .isEmpty() && noPrepared(cluster));
            store.put(PutItem.of("orders", order("a", 1)));

            // One that was decided commit before its coordinator stopped is committed.
            participant.submit(CommandCodec.prepare("decided", groupOfOther,
                    List.of(TransactWriteItem.put(PutItem.of("orders", order("a", 2)))), false)).result();
            cluster.leader().group(groupOfOther).submit(CommandCodec.decide("decided", true));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.get(GetItem.of("orders", key(order("a", 2))))
                    .isPresent() && noPrepared(cluster));
        }
    }

    private static boolean noPrepared(LocalCluster cluster) {
        for (ReplicaNode node : cluster.running()) {
            for (int g = 0; g < GROUPS; g++) {
                if (!node.replica(g).engine().preparedTransactions().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void losingOneNodeMovesOnlyTheGroupsItLed() {
        try (LocalCluster cluster = start(dir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> leaders(cluster).size() == GROUPS);
            ReplicatedStore store = cluster.node("n2").store(Consistency.EVENTUAL);
            store.createTable(ORDERS);
            Map<Integer, String> before = leaders(cluster);
            Map<Integer, String> partitionOfGroup = partitionsPerGroup(cluster.leader().layout());

            cluster.kill("n1");
            for (Map.Entry<Integer, String> group : partitionOfGroup.entrySet()) {
                store.put(PutItem.of("orders", order(group.getValue(), 1)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> leaders(cluster).size() == GROUPS);
            Map<Integer, String> after = leaders(cluster);

            for (int g = 0; g < GROUPS; g++) {
                if (!before.get(g).equals("n1")) {
                    assertThat(after.get(g)).as("leader of group %d", g).isEqualTo(before.get(g));
                } else {
                    assertThat(after.get(g)).as("leader of group %d", g).isNotEqualTo("n1");
                }
            }
            assertThat(scanAll(store.consistentReads(), Scan.table("orders"))).hasSize(GROUPS);
        }
    }

    /** One partition key per group. */
    private static Map<Integer, String> partitionsPerGroup(GroupLayout layout) {
        Map<Integer, String> keys = new HashMap<>();
        for (int i = 0; keys.size() < GROUPS; i++) {
            keys.putIfAbsent(layout.groupOf(AttributeValue.s("p" + i)), "p" + i);
        }
        return keys;
    }

    /** Each group's leader, as the running nodes report it (only groups with a running leader). */
    private static Map<Integer, String> leaders(LocalCluster cluster) {
        Map<Integer, String> leaders = new HashMap<>();
        for (ReplicaNode node : cluster.running()) {
            for (int g = 0; g < GROUPS; g++) {
                if (node.isLeader(g)) {
                    leaders.put(g, node.nodeId());
                }
            }
        }
        return leaders;
    }

    private static List<Item> scanAll(ReplicatedStore store, Scan scan) {
        List<Item> items = new ArrayList<>();
        Set<Item> keys = new HashSet<>();
        Scan next = scan;
        for (int pages = 0; pages < 1000; pages++) {
            Page page = store.scan(next);
            items.addAll(page.items());
            if (page.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            assertThat(keys.add(page.lastEvaluatedKey().get())).as("a scan never resumes twice from one key").isTrue();
            next = next.startAfter(page.lastEvaluatedKey().get());
        }
        throw new AssertionError("The scan did not end");
    }

    private static Item order(String customer, int n) {
        return Item.of(Map.of("customer", AttributeValue.s(customer), "n", AttributeValue.n(n),
                "total", AttributeValue.n(n * 10)));
    }

    private static Item key(Item order) {
        return order.only(Set.of("customer", "n"));
    }
}
