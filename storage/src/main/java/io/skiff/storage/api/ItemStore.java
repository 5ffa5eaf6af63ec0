package io.skiff.storage.api;

import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.functions.Probe;
import java.util.List;
import java.util.Optional;

/**
 * The contract of a store of tables and items. The embedded engine implements it directly;
 * replicated stores implement it over the same engine, so SQL plans run unchanged on either.
 *
 * <p>Every method reports failures as {@link io.skiff.core.error.SkiffException}; a rejected
 * request changes nothing.
 */
public interface ItemStore {

    /** Most writes in one {@link #batchWrite} call. */
    int MAX_BATCH_WRITES = 25;
    /** Most keys in one {@link #batchGet} or {@link #transactGet} call. */
    int MAX_BATCH_GETS = 100;
    /** Most items in one {@link #transactWrite} call. */
    int MAX_TRANSACTION_ITEMS = 100;
    /** Most items one {@link #statementWrite} call (one SQL statement) may change. */
    int MAX_STATEMENT_ITEMS = 100_000;

    /** Creates a table; fails with {@code TABLE_ALREADY_EXISTS} if the name is taken. */
    void createTable(TableSchema schema);

    /** Drops a table and all its items; fails with {@code TABLE_NOT_FOUND}. */
    void dropTable(String name);

    /** The schema of a table; fails with {@code TABLE_NOT_FOUND}. */
    TableSchema describeTable(String name);

    /** The schema of a table, if it exists. */
    Optional<TableSchema> findTable(String name);

    /** Every table, by name. */
    List<TableSchema> listTables();

    /**
     * A number that changes whenever a table or an index is created or dropped (here or, on a
     * cluster, through any node once this node applied it), and never comes back to an earlier
     * value: what a cache of plans compares to know that the catalog is as it was. Only equality
     * means anything. -1 when the store cannot tell; then the catalog must be read to compare.
     */
    default long catalogVersion() {
        return -1;
    }

    /** Writes a whole item. */
    WriteResult put(PutItem request);

    /** Reads one item by key. */
    Optional<Item> get(GetItem request);

    /** Deletes one item by key. */
    WriteResult delete(DeleteItem request);

    /** Updates (or creates) one item by key. */
    WriteResult update(UpdateItem request);

    /** Reads a partition, optionally a sort-key range of it. */
    Page query(Query request);

    /** Reads a table, or one segment of it. */
    Page scan(Scan request);

    /**
     * Creates a secondary index and files every item of the table in it before returning; other
     * callers' reads and writes go on meanwhile, and each write maintains the index in the same
     * atomic batch as the item from the moment it is defined. Reads (and {@link #indexes}) use it
     * only once it is built. Fails with
     * {@code VALIDATION_ERROR} for a name the table already has (unless {@code ifNotExists}), an
     * unknown plugin or bad options, and {@code TABLE_NOT_FOUND}.
     *
     * @return how many items the index holds once built (0 when it existed already)
     */
    default long createIndex(IndexDefinition definition, boolean ifNotExists) {
        throw SkiffException.validation("This store has no secondary indexes");
    }

    /** Drops an index and its entries; a missing one fails with {@code VALIDATION_ERROR} unless {@code ifExists}. */
    default void dropIndex(String table, String name, boolean ifExists) {
        throw SkiffException.validation("This store has no secondary indexes");
    }

    /**
     * The indexes of a table that reads may use, by name: an index still being built is not
     * listed (see {@link #indexBuilds}). Fails with {@code TABLE_NOT_FOUND}.
     */
    default List<IndexDefinition> indexes(String table) {
        describeTable(table);
        return List.of();
    }

    /**
     * The {@code CREATE INDEX} builds running now, oldest first, with how far each has come: for
     * progress reports. It answers at once from any thread. A replicated store answers with the
     * builds of this node's own replicas, each of which builds its copy of the index in the
     * background once it applied the definition.
     */
    default List<IndexBuild> indexBuilds() {
        return List.of();
    }

    /**
     * The items a term index's probe finds, in storage order: a superset of the items that
     * match the predicate the probe was made for, when the index is exact. An index still being
     * built is refused with {@code VALIDATION_ERROR}.
     */
    default List<Item> indexCandidates(String table, String index, Probe probe) {
        throw SkiffException.validation("This store has no secondary indexes");
    }

    /**
     * Whether an item of the table may hold {@code value} in the attribute of a filter index
     * ({@code bloom}, {@code cbloom}, {@code cuckoo}): {@code false} means certainly none does.
     * A filter still being built always answers {@code true}.
     */
    default boolean mightContain(String table, String index, AttributeValue value) {
        return true;
    }

    /** How many items a table holds, roughly, for planning; -1 when the store cannot tell. */
    default long approximateItemCount(String table) {
        return -1;
    }

    /** Up to 25 unconditional puts and deletes, over any tables, committed atomically. */
    void batchWrite(List<WriteRequest> writes);

    /** Up to 100 items by key, read from one consistent view; results are in request order. */
    List<Optional<Item>> batchGet(List<GetItem> gets);

    /**
     * Up to 100 conditioned writes, all or nothing. When any condition fails the exception has
     * code {@code TRANSACTION_CANCELLED} and one reason per item.
     */
    void transactWrite(List<TransactWriteItem> items);

    /**
     * Like {@link #transactWrite}, for the writes of one SQL statement: all or nothing, up to
     * {@link #MAX_STATEMENT_ITEMS} items, so a multi-row INSERT, UPDATE or DELETE is atomic.
     * Two inserts of one key fail with {@code DUPLICATE_ITEM}, as if the first had been stored
     * before the second ran; any other two writes to one key fail with {@code VALIDATION_ERROR}.
     */
    void statementWrite(List<TransactWriteItem> items);

    /** Up to 100 items by key, read from one consistent view, all or nothing. */
    default List<Optional<Item>> transactGet(List<GetItem> gets) {
        return consistentReads().batchGet(gets);
    }

    /**
     * The same store with linearizable reads (the reference system's {@code ConsistentRead}):
     * each read reflects every write acknowledged before it began. A store with one copy of the
     * data reads that way already and returns itself; a replica may otherwise serve reads that
     * trail the leader.
     */
    default ItemStore consistentReads() {
        return this;
    }
}
