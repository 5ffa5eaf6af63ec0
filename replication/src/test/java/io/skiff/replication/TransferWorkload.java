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
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients moving money between accounts with conditional two-item transactions, which span Raft
 * groups when the accounts do. Whatever happens to the cluster, the total must stay what it was
 * and no balance may go negative.
 */
final class TransferWorkload {

    static final TableSchema ACCOUNTS = TableSchema.of("accounts", KeyAttribute.of("id", AttributeType.S));
    private static final long OPENING = 1000;

    private final LocalCluster cluster;
    private final int accounts;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger committed = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();

    TransferWorkload(LocalCluster cluster, int accounts) {
        this.cluster = cluster;
        this.accounts = accounts;
    }

    /** Creates the table and opens every account through {@code store}. */
    void open(ReplicatedStore store) {
        store.createTable(ACCOUNTS);
        for (int a = 0; a < accounts; a++) {
            store.put(PutItem.of("accounts", account(a).with("balance", AttributeValue.n(OPENING))));
        }
    }

    /** Starts one client per node id, each writing through that node while it runs. */
    void start(List<String> nodeIds, long seed) {
        for (int c = 0; c < nodeIds.size(); c++) {
            String nodeId = nodeIds.get(c);
            Random random = new Random(seed + c);
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    Optional<ReplicaNode> node = cluster.find(nodeId);
                    if (node.isEmpty()) {
                        pause();
                        continue;
                    }
                    transfer(node.get().store(Consistency.STRONG), random);
                }
            }, "transfer-client-" + c);
            clients.add(client);
            client.start();
        }
    }

    private void transfer(ReplicatedStore store, Random random) {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        int amount = 1 + random.nextInt(300);
        try {
            store.transactWrite(List.of(
                    TransactWriteItem.update(move(from, -amount).withCondition(Condition.ge(
                            Operand.path(Path.attribute("balance")), Operand.value(AttributeValue.n(amount))))),
                    TransactWriteItem.update(move(to, amount))));
            committed.incrementAndGet();
        } catch (SkiffException e) {
            // Refused (no funds, a conflict) or unknown: either way the total must hold.
            pause();
        }
    }

    int committed() {
        return committed.get();
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
    }

    /** Each node's prepared shares by group, with the group's status there: what a stuck resolution looks like. */
    private String preparedShares(int groups) {
        StringBuilder shares = new StringBuilder();
        for (ReplicaNode node : cluster.running()) {
            shares.append(System.lineSeparator()).append(node.nodeId()).append(" resolver's last round ")
                    .append(node.sinceLastResolverRound().map(Object::toString).orElse("none")).append(" ago");
            List<GroupStatus> status = node.status();
            for (int g = 0; g < groups; g++) {
                var prepared = node.replica(g).engine().preparedTransactions();
                if (!prepared.isEmpty()) {
                    shares.append(System.lineSeparator()).append(node.nodeId()).append(" group ").append(g)
                            .append(": ").append(prepared).append(" ").append(status.get(g));
                }
            }
        }
        return shares.toString();
    }

    /** Waits until no share is left prepared, then checks the total and every balance. */
    void assertMoneyKept(int groups) {
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> cluster.running().stream().allMatch(node -> {
                for (int g = 0; g < groups; g++) {
                    if (!node.replica(g).engine().preparedTransactions().isEmpty()) {
                        return false;
                    }
                }
                return true;
            }));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Shares still prepared: " + preparedShares(groups), e);
        }
        ReplicatedStore check = cluster.running().get(0).store(Consistency.STRONG);
        BigDecimal total = BigDecimal.ZERO;
        for (int a = 0; a < accounts; a++) {
            BigDecimal balance = ((NumberValue) check.get(GetItem.of("accounts", account(a))).orElseThrow()
                    .get("balance")).value();
            assertThat(balance.signum()).as("balance of account %d", a).isNotNegative();
            total = total.add(balance);
        }
        assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(OPENING * accounts));
    }

    private static UpdateItem move(int account, long amount) {
        return UpdateItem.of("accounts", account(account),
                Update.of(UpdateAction.add(Path.attribute("balance"), AttributeValue.n(amount))));
    }

    private static Item account(int a) {
        return Item.of(Map.of("id", AttributeValue.s("account-" + a)));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
