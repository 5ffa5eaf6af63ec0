package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minutes of repeated kills and restarts of random nodes (leaders and followers, sometimes two
 * at once, losing the quorum) under a read/write load and transfers between accounts of different
 * groups, with snapshots and log purges along the way. Afterwards the history must be
 * linearizable, every replica identical, and no money made or lost.
 *
 * <p>Runs only with {@code -Pchaos}; {@code -Dskiff.chaos.minutes=N} sets its length (default 3),
 * {@code -Dskiff.chaos.groups=N} the number of Raft groups (default 4).
 */
@Tag("chaos")
class ChaosTest {

    @TempDir
    Path dir;

    @Test
    void repeatedKillsAndRestartsUnderLoadKeepTheHistoryLinearizableAndTheReplicasEqual() throws Exception {
        long minutes = Long.getLong("skiff.chaos.minutes", 3);
        long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        Random random = new Random(Long.getLong("skiff.chaos.seed", 7));
        int groups = Integer.getInteger("skiff.chaos.groups", 4);
        try (LocalCluster cluster = LocalCluster.start(dir, 3,
                settings -> settings.withSnapshotEveryEntries(500, 64 << 10).withGroups(groups))) {
            cluster.leader().store(Consistency.STRONG).createTable(RegisterWorkload.SCHEMA);
            RegisterWorkload workload = new RegisterWorkload(cluster, 5);
            workload.start(8, random.nextLong());
            TransferWorkload transfers = new TransferWorkload(cluster, 8);
            transfers.open(cluster.leader().store(Consistency.STRONG));
            transfers.start(List.of("n1", "n2", "n3"), random.nextLong());
            int kills = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(1000 + random.nextInt(3000));
                List<ReplicaNode> running = cluster.running();
                String victim = running.get(random.nextInt(running.size())).nodeId();
                cluster.kill(victim);
                kills++;
                String second = null;
                if (random.nextInt(5) == 0) {
                    // Lose the quorum for a while: writes must stall, not go wrong.
                    List<ReplicaNode> left = cluster.running();
                    second = left.get(random.nextInt(left.size())).nodeId();
                    cluster.kill(second);
                    Thread.sleep(1000 + random.nextInt(2000));
                    cluster.restart(second);
                }
                Thread.sleep(500 + random.nextInt(3000));
                cluster.restart(victim);
                cluster.awaitLeader();
            }
            workload.stop();
            transfers.stop();

            cluster.awaitConverged();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (int g = 0; g < groups; g++) {
                    List<io.skiff.core.value.Item> first = null;
                    for (ReplicaNode node : cluster.running()) {
                        List<io.skiff.core.value.Item> view = LocalCluster.scanAll(node, g, RegisterWorkload.TABLE);
                        if (first == null) {
                            first = view;
                        }
                        assertThat(view).as("group %d on %s", g, node.nodeId()).isEqualTo(first);
                    }
                }
            });
            System.out.printf("chaos: %d kills, %d operations recorded, %d transfers committed%n", kills,
                    workload.operationCount(), transfers.committed());
            LinearizabilityTest.assertHistoryHolds(workload);
            transfers.assertMoneyKept(groups);
        }
    }
}
