package io.skiff.replication;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.replication.command.CommandCodec;
import io.skiff.replication.v1.Command;
import io.skiff.storage.api.TransactWriteItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An all-or-nothing write whose items live in several Raft groups, committed in two phases:
 * each group prepares its share (decides it and locks its keys), then the coordinator group (the
 * lowest involved) records the decision, then each group commits (or aborts) its share.
 *
 * <p>The recorded decision is what makes it safe: a participant left prepared by a coordinator
 * that stopped asks the coordinator group for it ({@link TransactionResolver}), recording an
 * abort if there is none yet. The first decision recorded wins, so a late coordinator and a
 * resolver cannot disagree.
 */
final class CrossGroupTransaction {

    /** Commits a command in a group (recording it as this store's write) and returns what it produced. */
    interface Submitter {
        GroupReplica.Committed submit(GroupReplica group, Command command);
    }

    private final Submitter submitter;
    private final Map<GroupReplica, List<Integer>> shares;
    private final List<TransactWriteItem> items;
    private final boolean statement;
    private final String id = UUID.randomUUID().toString();

    /**
     * @param shares for each group in group order, the positions of its items in {@code items}
     * @param statement whether the items are one SQL statement's writes rather than a transaction
     */
    CrossGroupTransaction(Submitter submitter, Map<GroupReplica, List<Integer>> shares, List<TransactWriteItem> items,
                          boolean statement) {
        this.submitter = submitter;
        this.shares = shares;
        this.items = items;
        this.statement = statement;
    }

    void run() {
        GroupReplica coordinator = shares.keySet().iterator().next();
        List<GroupReplica> prepared = new ArrayList<>();
        for (Map.Entry<GroupReplica, List<Integer>> share : shares.entrySet()) {
            List<TransactWriteItem> shareItems = share.getValue().stream().map(items::get).toList();
            try {
                submitter.submit(share.getKey(), CommandCodec.prepare(id, coordinator.index(), shareItems, statement))
                        .result();
                prepared.add(share.getKey());
            } catch (SkiffException e) {
                if (e.code() == ErrorCode.CLUSTER_UNAVAILABLE) {
                    // Perhaps prepared after all: abort it too.
                    prepared.add(share.getKey());
                }
                abort(prepared);
                throw refusal(e, share.getValue());
            }
        }
        boolean commit = submitter.submit(coordinator, CommandCodec.decide(id, true)).outcome().getDecided().getCommit();
        if (!commit) {
            abort(prepared);
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "The transaction over several Raft groups took"
                    + " too long and was aborted; nothing of it was written, retry");
        }
        // Every share is committed that can be: one unreachable group must not leave the others prepared.
        SkiffException unapplied = null;
        for (GroupReplica group : prepared) {
            try {
                submitter.submit(group, CommandCodec.commitPrepared(id));
            } catch (SkiffException e) {
                unapplied = new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "The transaction over several Raft"
                        + " groups is committed, but group " + group.index() + " could not apply it yet; it will once"
                        + " it is reachable (" + e.getMessage() + ")", e);
            }
        }
        if (unapplied != null) {
            throw unapplied;
        }
        try {
            submitter.submit(coordinator, CommandCodec.forget(id));
        } catch (SkiffException e) {
            // Only a few bytes stay behind; every participant already applied the decision.
        }
    }

    /** Aborts the shares that may be prepared; one that cannot be reached now is aborted by its resolver. */
    private void abort(List<GroupReplica> prepared) {
        for (GroupReplica group : prepared) {
            try {
                submitter.submit(group, CommandCodec.abortPrepared(id));
            } catch (SkiffException e) {
                // Left to the resolver, which finds no commit decision and aborts.
            }
        }
    }

    /**
     * The refusal of one share as the caller sees the whole: a cancelled transaction gets one
     * reason per item of the whole transaction, the share's own in their places.
     */
    private SkiffException refusal(SkiffException e, List<Integer> positions) {
        if (e.code() != ErrorCode.TRANSACTION_CANCELLED || e.cancellationReasons().size() != positions.size()) {
            return e;
        }
        List<CancellationReason> reasons = new ArrayList<>(Collections.nCopies(items.size(), CancellationReason.NONE));
        for (int i = 0; i < positions.size(); i++) {
            reasons.set(positions.get(i), e.cancellationReasons().get(i));
        }
        return SkiffException.transactionCancelled(reasons);
    }
}
