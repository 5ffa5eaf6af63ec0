package io.skiff.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent transfers between accounts held by different Raft groups, each a conditional
 * two-item transaction, while a node is stopped and started again: money is neither made nor
 * lost, no balance goes negative, and no share stays prepared.
 */
class CrossGroupTransferTest {

    private static final TableSchema ACCOUNTS = TableSchema.of("accounts", KeyAttribute.of("id", AttributeType.S));
    private static final int ACCOUNTS_COUNT = 8;
    private static final long OPENING = 1000;

    @TempDir
    java.nio.file.Path dir;

    @Test
    void transfersKeepTheTotalThroughANodeRestart() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(4)
                .withRequestTimeout(Duration.ofSeconds(2)))) {
            ReplicatedStore setup = cluster.node("n1").store(Consistency.STRONG);
            setup.createTable(ACCOUNTS);
            for (int a = 0; a < ACCOUNTS_COUNT; a++) {
                setup.put(PutItem.of("accounts", account(a).with("balance", AttributeValue.n(OPENING))));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger committed = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String nodeId = "n" + (c % 2 + 2); // n2 and n3: n1 is the one restarted
                long seed = c;
                Thread client = new Thread(() -> {
                    Random random = new Random(seed);
                    while (!stop.get()) {
                        int from = random.nextInt(ACCOUNTS_COUNT);
                        int to = (from + 1 + random.nextInt(ACCOUNTS_COUNT - 1)) % ACCOUNTS_COUNT;
                        int amount = 1 + random.nextInt(300);
                        try {
                            cluster.find(nodeId).orElseThrow().store(Consistency.STRONG).transactWrite(List.of(
                                    TransactWriteItem.update(move(from, -amount).withCondition(Condition.ge(
                                            Operand.path(Path.attribute("balance")),
                                            Operand.value(AttributeValue.n(amount))))),
                                    TransactWriteItem.update(move(to, amount))));
                            committed.incrementAndGet();
                        } catch (SkiffException e) {
                            // Refused (no funds, a conflict) or unknown: either way the total must hold.
                        }
                    }
                });
                clients.add(client);
                client.start();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= 30);
            cluster.kill("n1");
            int during = committed.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= during + 30);
            cluster.restart("n1");
            int after = committed.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= after + 30);
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> cluster.running().stream().allMatch(node -> {
                for (int g = 0; g < 4; g++) {
                    if (!node.replica(g).engine().preparedTransactions().isEmpty()) {
                        return false;
                    }
                }
                return true;
            }));
            ReplicatedStore check = cluster.node("n2").store(Consistency.STRONG);
            BigDecimal total = BigDecimal.ZERO;
            for (int a = 0; a < ACCOUNTS_COUNT; a++) {
                BigDecimal balance = ((NumberValue) check.get(io.skiff.storage.api.GetItem.of("accounts", account(a)))
                        .orElseThrow().get("balance")).value();
                assertThat(balance.signum()).as("balance of account %d", a).isNotNegative();
                total = total.add(balance);
            }
            assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(OPENING * ACCOUNTS_COUNT));
            assertThat(committed.get()).isGreaterThanOrEqualTo(90);
        }
    }

    private static UpdateItem move(int account, long amount) {
        return UpdateItem.of("accounts", account(account),
                Update.of(UpdateAction.add(Path.attribute("balance"), AttributeValue.n(amount))));
    }

    private static Item account(int a) {
        return Item.of(Map.of("id", AttributeValue.s("account-" + a)));
    }
}
