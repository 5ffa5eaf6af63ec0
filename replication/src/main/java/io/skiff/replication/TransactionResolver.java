package io.skiff.replication;

import io.skiff.core.error.SkiffException;
import io.skiff.replication.command.CommandCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes transactions over several groups whose coordinator stopped between the phases. Every
 * second, for each group this node leads, a share prepared for longer than {@code patience} is
 * resolved: the coordinator group is asked to record an abort, which returns the decision
 * already recorded if there is one, and the share is committed or aborted accordingly.
 */
final class TransactionResolver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionResolver.class);

    private final List<GroupReplica> groups;
    private final IntPredicate leads;
    private final long patienceNanos;
    private final ScheduledExecutorService timer;
    /** When the last round ended, for diagnostics: a stale value means the rounds stopped. */
    private volatile long lastRoundNanos = System.nanoTime();
    /** When this node first saw each prepared share, by group and transaction id. */
    private final Map<String, Long> firstSeen = new HashMap<>();

    TransactionResolver(List<GroupReplica> groups, IntPredicate leads, Duration patience, String nodeId) {
        this.groups = groups;
        this.leads = leads;
        this.patienceNanos = patience.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skiff-transaction-resolver-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::resolveStaleSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** One round; whatever fails, the next round still runs (a thrown exception would end the schedule). */
    private void resolveStaleSafely() {
        try {
            resolveStale();
        } catch (Throwable e) {
            LOG.warn("event=transaction-resolver-round-failed reason={}", e.toString());
        } finally {
            lastRoundNanos = System.nanoTime();
        }
    }

    private void resolveStale() {
        long now = System.nanoTime();
        Map<String, Long> stillPrepared = new HashMap<>();
        for (GroupReplica group : groups) {
            if (!leads.test(group.index())) {
                continue;
            }
            Map<String, Integer> prepared;
            try {
                prepared = group.replica().engine().preparedTransactions();
            } catch (SkiffException e) {
                continue;
            }
            for (Map.Entry<String, Integer> transaction : prepared.entrySet()) {
                String key = group.index() + "/" + transaction.getKey();
                long seen = firstSeen.getOrDefault(key, now);
                stillPrepared.put(key, seen);
                if (now - seen >= patienceNanos) {
                    resolve(group, transaction.getKey(), transaction.getValue());
                }
            }
        }
        firstSeen.clear();
        firstSeen.putAll(stillPrepared);
    }

    private void resolve(GroupReplica group, String id, int coordinator) {
        try {
            boolean commit = groups.get(coordinator).submit(CommandCodec.decide(id, false)).outcome().getDecided()
                    .getCommit();
            group.submit(commit ? CommandCodec.commitPrepared(id) : CommandCodec.abortPrepared(id));
            LOG.info("event=transaction-resolved group={} id={} outcome={}", group.index(), id,
                    commit ? "commit" : "abort");
        } catch (RuntimeException e) {
            LOG.info("event=transaction-unresolved group={} id={} coordinator={} reason={}", group.index(), id,
                    coordinator, e.getMessage());
        }
    }

    /** How long ago the last round ended. */
    Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRoundNanos);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
