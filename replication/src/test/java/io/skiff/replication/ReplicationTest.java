package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real three-node Ratis group on loopback ports: replication, failover, restart, snapshots. */
class ReplicationTest {

    private static final TableSchema USERS = TableSchema.of("users", KeyAttribute.of("pk", AttributeType.S));

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aNodeWhoseClientOfAGroupClosedForwardsWritesAgainThroughANewOne() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicaNode follower = cluster.follower();
            ReplicatedStore viaFollower = follower.store(Consistency.EVENTUAL);
            viaFollower.createTable(USERS);
            // What Ratis does to a client whose ordered requests failed for good: it stays closed.
            org.apache.ratis.client.RaftClient closed = follower.group(0).client();
            closeQuietly(closed);

            assertThatThrownBy(() -> viaFollower.put(PutItem.of("users", user(1))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE));
            assertThat(follower.group(0).client()).isNotSameAs(closed);
            viaFollower.put(PutItem.of("users", user(2)));
            assertThat(cluster.leader().store(Consistency.STRONG).get(GetItem.of("users", key(2)))).contains(user(2));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesThroughAnyNodeReachEveryReplica() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore viaFollower = cluster.follower().store(Consistency.EVENTUAL);
            viaFollower.createTable(USERS);
            for (int i = 0; i < 20; i++) {
                viaFollower.put(PutItem.of("users", user(i)));
            }

            // A follower's own writes are visible to its eventual reads at once.
            assertThat(viaFollower.get(GetItem.of("users", key(19)))).contains(user(19));
            cluster.awaitConverged();
            List<Item> expected = LocalCluster.scanAll(cluster.leader(), "users");
            assertThat(expected).hasSize(20);
            for (ReplicaNode node : cluster.running()) {
                assertThat(LocalCluster.scanAll(node, "users")).as(node.nodeId()).isEqualTo(expected);
                assertThat(node.store(Consistency.STRONG).listTables()).containsExactly(USERS);
            }
        }
    }

    @Test
    void refusedWritesComeBackAsTheEngineErrorsAndChangeNothingAnywhere() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore store = cluster.follower().store(Consistency.STRONG);
            store.createTable(USERS);
            store.put(PutItem.of("users", user(1)));

            assertThatThrownBy(() -> store.put(PutItem.insert("users", user(1))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code()).isEqualTo(
                            ErrorCode.DUPLICATE_ITEM));
            assertThatThrownBy(() -> store.createTable(USERS))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code()).isEqualTo(
                            ErrorCode.TABLE_ALREADY_EXISTS));
            assertThatThrownBy(() -> store.transactWrite(List.of(
                    TransactWriteItem.put(PutItem.of("users", user(2))),
                    TransactWriteItem.check("users", key(1), Condition.attributeNotExists(Path.attribute("pk"))))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
                        assertThat(e.cancellationReasons()).hasSize(2);
                        assertThat(e.cancellationReasons().get(1).code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
                    });

            cluster.awaitConverged();
            for (ReplicaNode node : cluster.running()) {
                assertThat(LocalCluster.scanAll(node, "users")).as(node.nodeId()).containsExactly(user(1));
            }
        }
    }

    @Test
    void updatesReturnTheirValuesFromTheApplyPath() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore store = cluster.leader().store(Consistency.EVENTUAL);
            store.createTable(USERS);
            store.put(PutItem.of("users", user(1)));

            var result = store.update(UpdateItem.of("users", key(1), Update.of(
                    UpdateAction.add(Path.attribute("visits"), AttributeValue.n(5))))
                    .withCondition(Condition.attributeExists(Path.attribute("pk")))
                    .returning(ReturnValues.ALL_NEW));

            assertThat(result.attributes()).contains(user(1).with("visits", AttributeValue.n(5)));
        }
    }

    @Test
    void losingTheLeaderElectsAnotherAndLosesNoAcknowledgedWrite() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicaNode writerNode = cluster.follower();
            ReplicatedStore store = writerNode.store(Consistency.EVENTUAL);
            store.createTable(USERS);
            List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        store.put(PutItem.of("users", user(i)));
                        acknowledged.add(i);
                    } catch (SkiffException e) {
                        // Unknown outcome while there is no leader: not acknowledged.
                    }
                }
            });
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);

            String oldLeader = cluster.leader().nodeId();
            assertThat(oldLeader).isNotEqualTo(writerNode.nodeId());
            cluster.kill(oldLeader);
            int beforeKill = acknowledged.size();
            ReplicaNode newLeader = cluster.awaitLeader();
            await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= beforeKill + 20);
            stop.set(true);
            writer.join();

            assertThat(newLeader.nodeId()).isNotEqualTo(oldLeader);
            cluster.awaitConverged();
            for (ReplicaNode node : cluster.running()) {
                List<Item> stored = LocalCluster.scanAll(node, "users");
                for (int i : acknowledged) {
                    assertThat(stored).as(node.nodeId() + " holds acknowledged write " + i).contains(user(i));
                }
            }

            // The old leader comes back as a follower and catches up.
            ReplicaNode back = cluster.restart(oldLeader);
            cluster.awaitConverged();
            assertThat(LocalCluster.scanAll(back, "users")).isEqualTo(LocalCluster.scanAll(cluster.leader(), "users"));
        }
    }

    @Test
    void aRestartedReplicaNeverAppliesAnEntryTwice() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore store = cluster.leader().store(Consistency.STRONG);
            store.createTable(USERS);
            for (int i = 0; i < 30; i++) {
                store.update(UpdateItem.of("users", key(1), Update.of(
                        UpdateAction.add(Path.attribute("count"), AttributeValue.n(1)))));
            }
            cluster.awaitConverged();
            String restarted = cluster.follower().nodeId();
            cluster.kill(restarted);
            store.update(UpdateItem.of("users", key(1), Update.of(
                    UpdateAction.add(Path.attribute("count"), AttributeValue.n(1)))));

            ReplicaNode back = cluster.restart(restarted);
            cluster.awaitConverged();

            // Additions are not idempotent: a replayed entry would show as a larger count.
            assertThat(back.replica().engine().get(GetItem.of("users", key(1))))
                    .map(item -> item.get("count")).contains(AttributeValue.n(31));
            assertThat(back.store(Consistency.STRONG).get(GetItem.of("users", key(1))))
                    .map(item -> item.get("count")).contains(AttributeValue.n(31));
        }
    }

    @Test
    void aNodeAddedAfterTheLogWasPurgedGetsASnapshotAndTheSameData() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3,
                settings -> settings.withSnapshotEveryEntries(40, 16 << 10))) {
            ReplicatedStore store = cluster.leader().store(Consistency.EVENTUAL);
            store.createTable(USERS);
            for (int i = 0; i < 200; i++) {
                store.put(PutItem.of("users", user(i).with("padding", AttributeValue.s("x".repeat(200)))));
            }
            cluster.leader().takeSnapshot();
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.leader().logStartIndex() > 0);

            ReplicaNode newcomer = cluster.startJoining("n4");
            cluster.addVoter();
            cluster.awaitConverged();

            assertThat(newcomer.replica().startedFromSnapshot()).isTrue();
            assertThat(LocalCluster.scanAll(newcomer, "users"))
                    .hasSize(200)
                    .isEqualTo(LocalCluster.scanAll(cluster.leader(), "users"));
            // And it keeps up with new writes as a voter.
            store.put(PutItem.of("users", user(1000)));
            cluster.awaitConverged();
            assertThat(newcomer.store(Consistency.EVENTUAL).get(GetItem.of("users", key(1000)))).contains(user(1000));
        }
    }

    @Test
    void fiveVotersKeepWritingWithTwoDownAndStopCleanlyWithoutAQuorum() {
        try (LocalCluster cluster = LocalCluster.start(dir, 5,
                settings -> settings.withRequestTimeout(Duration.ofSeconds(2)))) {
            cluster.leader().store(Consistency.STRONG).createTable(USERS);
            List<String> others = new ArrayList<>();
            cluster.running().stream().map(ReplicaNode::nodeId).filter(id -> !id.equals("n1")).forEach(others::add);
            cluster.kill(others.get(0));
            cluster.kill(others.get(1));
            ReplicatedStore store = cluster.node("n1").store(Consistency.STRONG);

            store.put(PutItem.of("users", user(1)));
            assertThat(store.get(GetItem.of("users", key(1)))).contains(user(1));

            cluster.kill(others.get(2));
            // Two of five: no quorum. The write fails in time with the cluster's error, and a strong read too.
            assertThatThrownBy(() -> store.put(PutItem.of("users", user(2))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE));
            assertThatThrownBy(() -> store.get(GetItem.of("users", key(1))))
                    .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE));
            // The node's own replica still answers eventual reads of what was committed.
            assertThat(cluster.node("n1").store(Consistency.EVENTUAL).get(GetItem.of("users", key(1))))
                    .contains(user(1));

            cluster.restart(others.get(2));
            cluster.awaitLeader();
            // Until the restarted node has caught up and the leader has committed in its term, a
            // strong read may still time out with the cluster's error; it must come back.
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsMatching(e -> e instanceof SkiffException failure
                            && failure.code() == ErrorCode.CLUSTER_UNAVAILABLE)
                    .untilAsserted(() -> assertThat(store.get(GetItem.of("users", key(1)))).contains(user(1)));
        }
    }

    @Test
    void aWriteTooLargeForOneLogEntryIsRefusedAndChangesNothing() {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            ReplicatedStore store = cluster.follower().store(Consistency.STRONG);
            store.createTable(USERS);
            String blob = "x".repeat(300 * 1024);
            List<TransactWriteItem> large = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                large.add(TransactWriteItem.put(PutItem.of("users", user(i).with("blob", AttributeValue.s(blob)))));
            }

            assertThatThrownBy(() -> store.statementWrite(large))
                    .isInstanceOfSatisfying(SkiffException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                        assertThat(e.getMessage()).contains("at most 7 MiB");
                    });
            assertThat(LocalCluster.scanAll(cluster.leader(), "users")).isEmpty();

            store.statementWrite(large.subList(0, 20));
            cluster.awaitConverged();
            assertThat(LocalCluster.scanAll(cluster.follower(), "users")).hasSize(20);
        }
    }

    private static Item key(int i) {
        return Item.of(Map.of("pk", AttributeValue.s("user#" + i)));
    }

    private static Item user(int i) {
        return key(i).with("name", AttributeValue.s("name " + i));
    }
}
