package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent transfers between accounts held by different Raft groups, each a conditional
 * two-item transaction, while a node is stopped and started again: money is neither made nor
 * lost, no balance goes negative, and no share stays prepared.
 */
class CrossGroupTransferTest {

    @TempDir
    Path dir;

    @Test
    void transfersKeepTheTotalThroughANodeRestart() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(4)
                .withRequestTimeout(Duration.ofSeconds(2)))) {
            TransferWorkload transfers = new TransferWorkload(cluster, 8);
            transfers.open(cluster.node("n1").store(Consistency.STRONG));
            // Clients write through n2 and n3: n1 is the node restarted.
            transfers.start(List.of("n2", "n3", "n2", "n3"), 0);

            await().atMost(Duration.ofSeconds(60)).until(() -> transfers.committed() >= 30);
            cluster.kill("n1");
            int during = transfers.committed();
            await().atMost(Duration.ofSeconds(60)).until(() -> transfers.committed() >= during + 30);
            cluster.restart("n1");
            int after = transfers.committed();
            await().atMost(Duration.ofSeconds(60)).until(() -> transfers.committed() >= after + 30);
            transfers.stop();

            transfers.assertMoneyKept(4);
            assertThat(transfers.committed()).isGreaterThanOrEqualTo(90);
        }
    }
}
