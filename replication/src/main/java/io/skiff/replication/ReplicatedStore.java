package io.skiff.replication;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Projection;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ItemLimits;
import io.skiff.functions.Probe;
import io.skiff.replication.command.CommandCodec;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.Outcome;
import io.skiff.storage.Engine;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.IndexBuild;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.api.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link ItemStore} of a replicated node: every write becomes a command committed by the
 * Raft group that owns its partition (through that group's leader, wherever it is) and is
 * acknowledged once a quorum holds it and it was applied; reads are served by this node's
 * replicas at the chosen {@link Consistency}.
 *
 * <p>Reads always see the writes made through this store, even {@link Consistency#EVENTUAL}
 * ones on a follower: they first wait until the replica applied the last of them. With several
 * groups, table definitions go to every group, a scan reads the groups one after another in
 * hash order, and a transaction over several groups commits in two phases
 * ({@link CrossGroupTransaction}).
 */
public final class ReplicatedStore implements ItemStore {

    private final List<GroupReplica> groups;
    private final GroupLayout layout;
    private final Consistency consistency;
    private final ItemLimits limits;
    /** Per group, the log index of the last write through this store (and its views). */
    private final AtomicLongArray lastWrites;

    ReplicatedStore(List<GroupReplica> groups, GroupLayout layout, Consistency consistency, ItemLimits limits) {
        this(groups, layout, consistency, limits, newLastWrites(groups.size()));
    }

    private ReplicatedStore(List<GroupReplica> groups, GroupLayout layout, Consistency consistency,
                            ItemLimits limits, AtomicLongArray lastWrites) {
        this.groups = List.copyOf(groups);
        this.layout = layout;
        this.consistency = consistency;
        this.limits = limits;
        this.lastWrites = lastWrites;
    }

    private static AtomicLongArray newLastWrites(int size) {
        AtomicLongArray array = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            array.set(i, -1);
        }
        return array;
    }

    /** The same store, reading at {@code newConsistency}. */
    public ReplicatedStore withConsistency(Consistency newConsistency) {
        return newConsistency == consistency ? this
                : new ReplicatedStore(groups, layout, newConsistency, limits, lastWrites);
    }

    public Consistency consistency() {
        return consistency;
    }

    @Override
    public ReplicatedStore consistentReads() {
        return withConsistency(Consistency.STRONG);
    }

    // ---- table definitions: every group holds every table ----------------------------------

    @Override
    public void createTable(TableSchema schema) {
        defineEverywhere(CommandCodec.createTable(schema), ErrorCode.TABLE_ALREADY_EXISTS);
    }

    @Override
    public void dropTable(String name) {
        defineEverywhere(CommandCodec.dropTable(name), ErrorCode.TABLE_NOT_FOUND);
    }

    /**
     * Applies a definition in every group. It fails with {@code alreadyDone} only if every group
     * refused it so; a definition that reached some groups before a failure is completed by
     * running it again.
     */
    private void defineEverywhere(Command command, ErrorCode alreadyDone) {
        defineEverywhere(command, alreadyDone, outcome -> { });
    }

    /** {@link #defineEverywhere(Command, ErrorCode)}, handing each group's outcome to {@code applied}. */
    private void defineEverywhere(Command command, ErrorCode alreadyDone, Consumer<Outcome> applied) {
        defineEverywhere(command, alreadyDone, (group, committed) -> applied.accept(committed.outcome()));
    }

    /** {@link #defineEverywhere(Command, ErrorCode)}, handing each group that applied it to {@code applied}. */
    private void defineEverywhere(Command command, ErrorCode alreadyDone,
                                  BiConsumer<GroupReplica, GroupReplica.Committed> applied) {
        SkiffException refusal = null;
        int refused = 0;
        for (GroupReplica group : groups) {
            try {
                GroupReplica.Committed committed = submit(group, command);
                committed.result();
                applied.accept(group, committed);
            } catch (SkiffException e) {
                if (e.code() != alreadyDone) {
                    throw groups.size() == 1 || e.code() != ErrorCode.CLUSTER_UNAVAILABLE ? e
                            : new SkiffException(e.code(), e.getMessage() + "; the definition may have reached only"
                                    + " some partition groups: run it again to complete it", e);
                }
                refusal = e;
                refused++;
            }
        }
        if (refused == groups.size()) {
            throw refusal;
        }
    }

    // ---- indexes: every group indexes its own items -------------------------------------------

    /**
     * Defines the index in every group, each replica then building it over its own items in the
     * background while the group's log goes on; returns once this node's replica of every group
     * has it ready, with the items they filed. A definition that reached only some groups before a
     * failure is completed by running the statement again (groups that have the index refuse it,
     * the others build it).
     */
    @Override
    public long createIndex(IndexDefinition definition, boolean ifNotExists) {
        List<GroupReplica.Committed> defined = new ArrayList<>();
        List<GroupReplica> definedIn = new ArrayList<>();
        defineEverywhere(CommandCodec.createIndex(definition, ifNotExists), ErrorCode.VALIDATION_ERROR,
                (group, committed) -> {
                    // 0: IF NOT EXISTS found the index there, nothing to wait for.
                    if (committed.outcome().getWritten().getCount() > 0) {
                        defined.add(committed);
                        definedIn.add(group);
                    }
                });
        long filed = 0;
        for (int i = 0; i < defined.size(); i++) {
            GroupReplica group = definedIn.get(i);
            group.awaitApplied(defined.get(i).logIndex());
            filed += awaitLocalBuild(group, definition.table(), definition.name());
        }
        return filed;
    }

    /** The indexes ready in this node's replica of {@code group}; none while it lacks the table. */
    private static List<IndexDefinition> readyLocally(GroupReplica group, String table) {
        try {
            return group.replica().engine().indexes(table);
        } catch (SkiffException e) {
            if (e.code() == ErrorCode.TABLE_NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Waits for this node's replica of {@code group} to finish building an index; 0 when it is not
     * building it. A replica that reopened its engine meanwhile (a snapshot installed) builds the
     * index again from the start: wait for that build instead.
     */
    private static long awaitLocalBuild(GroupReplica group, String table, String index) {
        for (int attempt = 0; ; attempt++) {
            try {
                return group.replica().engine().awaitIndexBuild(table, index);
            } catch (SkiffException e) {
                if (e.code() != ErrorCode.ENGINE_CLOSED || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void dropIndex(String table, String name, boolean ifExists) {
        defineEverywhere(CommandCodec.dropIndex(table, name, ifExists), ErrorCode.VALIDATION_ERROR);
    }

    /**
     * The indexes ready in the catalog group and in this node's replica of every other group:
     * each replica builds on its own, and a plan must not use an index that one of the groups it
     * reads cannot serve yet.
     */
    @Override
    public List<IndexDefinition> indexes(String table) {
        List<IndexDefinition> ready = new ArrayList<>(read(catalogGroup(), engine -> engine.indexes(table)));
        for (GroupReplica group : groups) {
            if (group != catalogGroup()) {
                ready.retainAll(readyLocally(group, table));
            }
        }
        return ready;
    }

    /**
     * The builds of this node's own replicas, with no read barrier: every replica builds its copy
     * of an index when it applies the definition, so a progress report is about this node.
     */
    @Override
    public List<IndexBuild> indexBuilds() {
        List<IndexBuild> builds = new ArrayList<>();
        for (GroupReplica group : groups) {
            builds.addAll(group.replica().engine().indexBuilds());
        }
        return builds;
    }

    /** Each group's candidates, group after group: in hash order, like a scan. */
    @Override
    public List<Item> indexCandidates(String table, String index, Probe probe) {
        List<Item> candidates = new ArrayList<>();
        for (GroupReplica group : groups) {
            // A replica may still be building an index that was ready when the read was planned
            // (it installed a snapshot taken during a build and builds again): wait for it.
            candidates.addAll(read(group, engine -> {
                engine.awaitIndexBuild(table, index);
                return engine.indexCandidates(table, index, probe);
            }));
        }
        return candidates;
    }

    /** The sum of the local replicas' estimates: planning needs no read barrier. */
    @Override
    public long approximateItemCount(String table) {
        long items = 0;
        for (GroupReplica group : groups) {
            items += group.replica().engine().approximateItemCount(table);
        }
        return items;
    }

    @Override
    public boolean mightContain(String table, String index, AttributeValue value) {
        for (GroupReplica group : groups) {
            if (read(group, engine -> engine.mightContain(table, index, value))) {
                return true;
            }
        }
        return false;
    }

    // ---- item writes: the group of the partition decides ---------------------------------------

    @Override
    public WriteResult put(PutItem request) {
        return write(groupFor(request.table(), request.item()), CommandCodec.put(request));
    }

    @Override
    public WriteResult delete(DeleteItem request) {
        return write(groupFor(request.table(), request.key()), CommandCodec.delete(request));
    }

    @Override
    public WriteResult update(UpdateItem request) {
        return write(groupFor(request.table(), request.key()), CommandCodec.update(request));
    }

    /**
     * Each group commits its share atomically. Across groups the shares commit one after the
     * other, after every item was checked, so only a cluster failure can leave a batch half done.
     */
    @Override
    public void batchWrite(List<WriteRequest> writes) {
        Map<Integer, List<WriteRequest>> byGroup = new TreeMap<>();
        for (WriteRequest write : writes) {
            Item keyed = write instanceof WriteRequest.Put put ? put.item() : ((WriteRequest.Delete) write).key();
            byGroup.computeIfAbsent(groupFor(write.table(), keyed).index(), g -> new ArrayList<>()).add(write);
        }
        if (byGroup.size() <= 1) {
            write(groups.get(byGroup.isEmpty() ? 0 : byGroup.keySet().iterator().next()),
                    CommandCodec.batchWrite(writes));
            return;
        }
        if (writes.size() > MAX_BATCH_WRITES) {
            throw SkiffException.validation("A batch write has " + writes.size() + " items; at most "
                    + MAX_BATCH_WRITES + " are allowed");
        }
        for (WriteRequest write : writes) {
            checkBeforeSplitting(write);
        }
        for (Map.Entry<Integer, List<WriteRequest>> share : byGroup.entrySet()) {
            write(groups.get(share.getKey()), CommandCodec.batchWrite(share.getValue()));
        }
    }

    private void checkBeforeSplitting(WriteRequest write) {
        TableSchema schema = schemaOf(write.table());
        if (write instanceof WriteRequest.Put put) {
            schema.checkItem(put.item());
            limits.checkStored(put.item());
        } else {
            schema.checkKey(((WriteRequest.Delete) write).key());
        }
    }

    @Override
    public void transactWrite(List<TransactWriteItem> items) {
        allOrNothing(items, false);
    }

    @Override
    public void statementWrite(List<TransactWriteItem> items) {
        allOrNothing(items, true);
    }

    /**
     * A transaction (or one statement's writes): one command when its items live in one group,
     * else a two-phase commit over the groups they live in.
     */
    private void allOrNothing(List<TransactWriteItem> items, boolean statement) {
        Map<GroupReplica, List<Integer>> shares = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt(GroupReplica::index));
        for (int i = 0; i < items.size(); i++) {
            TransactWriteItem item = items.get(i);
            shares.computeIfAbsent(groupFor(item.table(), targetKey(item)), g -> new ArrayList<>()).add(i);
        }
        if (shares.size() <= 1) {
            GroupReplica group = shares.isEmpty() ? groups.get(0) : shares.keySet().iterator().next();
            write(group, statement ? CommandCodec.statementWrite(items) : CommandCodec.transactWrite(items));
            return;
        }
        int max = statement ? MAX_STATEMENT_ITEMS : MAX_TRANSACTION_ITEMS;
        if (items.size() > max) {
            throw SkiffException.validation("A transaction has " + items.size() + " items; at most " + max
                    + " are allowed");
        }
        new CrossGroupTransaction(this::submit, shares, items, statement).run();
    }

    private static Item targetKey(TransactWriteItem item) {
        if (item instanceof TransactWriteItem.Put put) {
            return put.request().item();
        }
        if (item instanceof TransactWriteItem.Update update) {
            return update.request().key();
        }
        if (item instanceof TransactWriteItem.Delete delete) {
            return delete.request().key();
        }
        return ((TransactWriteItem.ConditionCheck) item).key();
    }

    private WriteResult write(GroupReplica group, Command command) {
        return submit(group, command).result();
    }

    /** Commits a command in a group; this store's later reads of the group will see it. */
    private GroupReplica.Committed submit(GroupReplica group, Command command) {
        GroupReplica.Committed committed = group.submit(command);
        lastWrites.accumulateAndGet(group.index(), committed.logIndex(), Math::max);
        return committed;
    }

    // ---- reads --------------------------------------------------------------------------

    @Override
    public TableSchema describeTable(String name) {
        return read(catalogGroup(), engine -> engine.describeTable(name));
    }

    @Override
    public Optional<TableSchema> findTable(String name) {
        return read(catalogGroup(), engine -> engine.findTable(name));
    }

    /**
     * The sum of the groups' local versions, read after the same wait as a catalog read (so this
     * store's own definitions are seen): each group's version only grows (a replica that installs
     * a snapshot opens an engine with a later one), so the sum changes whenever any group's does
     * and never repeats.
     */
    @Override
    public long catalogVersion() {
        return read(catalogGroup(), engine -> {
            long sum = 0;
            for (GroupReplica group : groups) {
                sum += group.replica().engine().catalogVersion();
            }
            return sum;
        });
    }

    @Override
    public List<TableSchema> listTables() {
        return read(catalogGroup(), Engine::listTables);
    }

    @Override
    public Optional<Item> get(GetItem request) {
        return read(groupFor(request.table(), request.key()), engine -> engine.get(request));
    }

    @Override
    public Page query(Query request) {
        GroupReplica group = groups.size() == 1 ? groups.get(0) : groups.get(layout.groupOf(request.partitionKey()));
        return read(group, engine -> engine.query(request));
    }

    @Override
    public Page scan(Scan request) {
        if (groups.size() == 1) {
            return read(groups.get(0), engine -> engine.scan(request));
        }
        return new GroupScan(request).run();
    }

    @Override
    public List<Optional<Item>> batchGet(List<GetItem> gets) {
        if (gets.isEmpty() || gets.size() > MAX_BATCH_GETS) {
            throw SkiffException.validation("A batch get needs 1 to " + MAX_BATCH_GETS + " keys, not " + gets.size());
        }
        Map<Integer, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < gets.size(); i++) {
            byGroup.computeIfAbsent(groupFor(gets.get(i).table(), gets.get(i).key()).index(),
                    g -> new ArrayList<>()).add(i);
        }
        List<Optional<Item>> found = new ArrayList<>(java.util.Collections.nCopies(gets.size(), Optional.empty()));
        for (Map.Entry<Integer, List<Integer>> share : byGroup.entrySet()) {
            List<GetItem> shareGets = share.getValue().stream().map(gets::get).toList();
            List<Optional<Item>> items = read(groups.get(share.getKey()), engine -> engine.batchGet(shareGets));
            for (int i = 0; i < items.size(); i++) {
                found.set(share.getValue().get(i), items.get(i));
            }
        }
        return found;
    }

    private <T> T read(GroupReplica group, Function<Engine, T> reading) {
        if (consistency == Consistency.STRONG) {
            group.awaitLeaderCommit();
        } else {
            group.awaitApplied(lastWrites.get(group.index()));
        }
        return reading.apply(group.replica().engine());
    }

    // ---- routing ------------------------------------------------------------------------

    /** Table definitions are in every group; group 0 answers for them. */
    private GroupReplica catalogGroup() {
        return groups.get(0);
    }

    /** The group that owns the partition of {@code keyed} (an item or a key) in {@code table}. */
    private GroupReplica groupFor(String table, Item keyed) {
        if (groups.size() == 1) {
            return groups.get(0);
        }
        Optional<AttributeValue> partitionKey = keyed.find(schemaOf(table).partitionKey().name());
        // Without its partition key the write is refused by the engine, with the engine's message.
        return partitionKey.map(value -> groups.get(layout.groupOf(value))).orElse(groups.get(0));
    }

    private TableSchema schemaOf(String table) {
        Optional<TableSchema> local = catalogGroup().replica().engine().findTable(table);
        if (local.isPresent()) {
            return local.get();
        }
        // Perhaps created through another node a moment ago: catch up with the leader, then look again.
        catalogGroup().awaitLeaderCommit();
        return catalogGroup().replica().engine().describeTable(table);
    }

    /** A scan over several groups: each group's items, group after group, in hash order. */
    private final class GroupScan {
        private final Scan request;
        private final Optional<Projection> projection;

        GroupScan(Scan request) {
            this.request = request;
            this.projection = request.projection().isEmpty() ? Optional.empty()
                    : Optional.of(Projection.of(request.projection()));
        }

        Page run() {
            List<Integer> order = layout.groupsOf(request);
            int first = 0;
            TableSchema schema = schemaOf(request.table());
            if (request.exclusiveStartKey().isPresent()) {
                Item start = schema.checkKey(request.exclusiveStartKey().get());
                first = order.indexOf(layout.groupOf(start.get(schema.partitionKey().name())));
                if (first < 0) {
                    throw SkiffException.validation("The exclusive start key is outside the range of this request");
                }
            }
            List<Item> items = new ArrayList<>();
            int scanned = 0;
            for (int i = first; i < order.size(); i++) {
                // Filter and projection are applied here, so the last evaluated item is known
                // even when it does not pass or its key is not projected.
                Scan raw = new Scan(request.table(), request.segment(), request.totalSegments(),
                        request.limit() == 0 ? 0 : request.limit() - scanned,
                        i == first ? request.exclusiveStartKey() : Optional.empty(), Optional.empty(), List.of());
                Page page = read(groups.get(order.get(i)), engine -> engine.scan(raw));
                for (Item item : page.items()) {
                    if (request.filter().isEmpty() || request.filter().get().test(item)) {
                        items.add(projection.map(p -> p.apply(item)).orElse(item));
                    }
                }
                scanned += page.scannedCount();
                if (page.lastEvaluatedKey().isPresent()) {
                    return new Page(items, scanned, page.lastEvaluatedKey());
                }
                boolean full = request.limit() > 0 && scanned >= request.limit();
                if (full && i < order.size() - 1 && !page.items().isEmpty()) {
                    Item last = page.items().get(page.items().size() - 1);
                    return new Page(items, scanned, Optional.of(schema.keyOf(last)));
                }
                if (full) {
                    break;
                }
            }
            return new Page(items, scanned, Optional.empty());
        }
    }
}
