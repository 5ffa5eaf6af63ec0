package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.replication.history.LinearizabilityChecker;
import io.skiff.replication.history.RegisterOp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent clients on a 3-node group, while its leader is killed and restarted: the recorded
 * history of strong reads and conditional writes must be linearizable, and eventual reads may
 * trail but never show a value no write could have stored.
 */
class LinearizabilityTest {

    @TempDir
    Path dir;

    @Test
    void strongReadsAndConditionalWritesStayLinearizableThroughLeaderKills() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3)) {
            cluster.leader().store(Consistency.STRONG).createTable(RegisterWorkload.SCHEMA);
            RegisterWorkload workload = new RegisterWorkload(cluster, 3);
            workload.start(6, 42);

            for (int round = 0; round < 2; round++) {
                int before = workload.operationCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> workload.operationCount() >= before + 60);
                String victim = cluster.leader().nodeId();
                cluster.kill(victim);
                cluster.awaitLeader();
                int during = workload.operationCount();
                await().atMost(Duration.ofSeconds(60)).until(() -> workload.operationCount() >= during + 60);
                cluster.restart(victim);
            }
            int last = workload.operationCount();
            await().atMost(Duration.ofSeconds(60)).until(() -> workload.operationCount() >= last + 60);
            workload.stop();

            assertHistoryHolds(workload);
        }
    }

    static void assertHistoryHolds(RegisterWorkload workload) {
        for (Map.Entry<String, List<RegisterOp>> key : workload.history().entrySet()) {
            List<RegisterOp> ops = key.getValue();
            assertThat(ops).as("operations on " + key.getKey()).isNotEmpty();
            assertThat(LinearizabilityChecker.isLinearizable(ops))
                    .as("history of %s (%d operations) is linearizable", key.getKey(), ops.size()).isTrue();
        }
        for (RegisterWorkload.EventualRead read : workload.eventualReads()) {
            if (read.value() == null) {
                continue;
            }
            // The value must come from a write invoked before the read returned that did not fail.
            assertThat(workload.history().get(read.key())).as("eventual read of %s", read.value())
                    .anyMatch(op -> op.kind() != RegisterOp.Kind.READ && read.value().equals(op.value())
                            && op.outcome() != RegisterOp.Outcome.REFUSED && op.invoked() < read.returned());
        }
    }
}
