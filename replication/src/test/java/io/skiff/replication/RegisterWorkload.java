package io.skiff.replication;

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
import io.skiff.replication.history.RegisterOp;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients doing strong reads, writes and compare-and-sets on a few keys of a cluster, each bound
 * to one node, recording every operation as they saw it; plus eventual reads, recorded apart.
 */
final class RegisterWorkload {

    static final String TABLE = "registers";
    static final TableSchema SCHEMA = TableSchema.of(TABLE, KeyAttribute.of("k", AttributeType.S));

    private final LocalCluster cluster;
    private final int keys;
    private final Map<String, List<RegisterOp>> history = new ConcurrentHashMap<>();
    private final List<EventualRead> eventualReads = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();

    /** A read at a replica without a barrier: which value it saw, and when it returned. */
    record EventualRead(String key, String value, long returned) {
    }

    RegisterWorkload(LocalCluster cluster, int keys) {
        this.cluster = cluster;
        this.keys = keys;
        for (int k = 0; k < keys; k++) {
            history.put(key(k), new CopyOnWriteArrayList<>());
        }
    }

    void start(int clientCount, long seed) {
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            String nodeId = cluster.running().get(c % cluster.running().size()).nodeId();
            Thread thread = new Thread(() -> run(client, nodeId, new Random(seed + client)), "register-client-" + c);
            clients.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : clients) {
            thread.join();
        }
    }

    Map<String, List<RegisterOp>> history() {
        return history;
    }

    List<EventualRead> eventualReads() {
        return eventualReads;
    }

    int operationCount() {
        return history.values().stream().mapToInt(List::size).sum();
    }

    private void run(int client, String nodeId, Random random) {
        int sequence = 0;
        String lastSeen = null;
        while (!stop.get()) {
            Optional<ReplicaNode> node = cluster.find(nodeId);
            if (node.isEmpty()) {
                pause();
                continue;
            }
            String key = key(random.nextInt(keys));
            ReplicatedStore store = node.get().store(Consistency.STRONG);
            int choice = random.nextInt(10);
            String value = "c" + client + "-" + sequence++;
            if (choice < 4) {
                lastSeen = read(client, key, store);
            } else if (choice < 6) {
                write(client, key, value, store);
            } else if (choice < 9) {
                compareAndSet(client, key, random.nextBoolean() ? lastSeen : null, value, store);
            } else {
                eventualRead(key, node.get().store(Consistency.EVENTUAL));
            }
        }
    }

    private String read(int client, String key, ReplicatedStore store) {
        long invoked = System.nanoTime();
        try {
            String value = valueOf(store.get(GetItem.of(TABLE, keyItem(key))));
            history.get(key).add(RegisterOp.read(client, invoked, System.nanoTime(), value));
            return value;
        } catch (SkiffException e) {
            // A failed read changed nothing and showed nothing: not part of the history.
            pause();
            return null;
        }
    }

    private void write(int client, String key, String value, ReplicatedStore store) {
        long invoked = System.nanoTime();
        try {
            store.put(PutItem.of(TABLE, keyItem(key).with("v", AttributeValue.s(value))));
            history.get(key).add(RegisterOp.write(client, invoked, System.nanoTime(), value, RegisterOp.Outcome.OK));
        } catch (SkiffException e) {
            history.get(key).add(RegisterOp.write(client, invoked, 0, value, RegisterOp.Outcome.UNKNOWN));
            pause();
        }
    }

    private void compareAndSet(int client, String key, String expected, String value, ReplicatedStore store) {
        Condition condition = expected == null ? Condition.attributeNotExists(Path.attribute("k"))
                : Condition.eq(Operand.path(Path.attribute("v")), Operand.value(AttributeValue.s(expected)));
        long invoked = System.nanoTime();
        RegisterOp.Outcome outcome;
        try {
            store.put(PutItem.of(TABLE, keyItem(key).with("v", AttributeValue.s(value))).withCondition(condition));
            outcome = RegisterOp.Outcome.OK;
        } catch (SkiffException e) {
            outcome = e.code() == ErrorCode.CONDITIONAL_CHECK_FAILED ? RegisterOp.Outcome.REFUSED
                    : RegisterOp.Outcome.UNKNOWN;
        }
        history.get(key).add(RegisterOp.compareAndSet(client, invoked, System.nanoTime(), expected, value, outcome));
        if (outcome == RegisterOp.Outcome.UNKNOWN) {
            pause();
        }
    }

    private void eventualRead(String key, ReplicatedStore store) {
        try {
            String value = valueOf(store.get(GetItem.of(TABLE, keyItem(key))));
            eventualReads.add(new EventualRead(key, value, System.nanoTime()));
        } catch (SkiffException e) {
            pause();
        }
    }

    private static String valueOf(Optional<Item> item) {
        return item.map(found -> ((io.skiff.core.value.StringValue) found.get("v")).value()).orElse(null);
    }

    private static Item keyItem(String key) {
        return Item.of(Map.of("k", AttributeValue.s(key)));
    }

    private static String key(int k) {
        return "key" + k;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
