package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.sql.rel.AccessPath;
import io.skiff.sql.rel.SortRange;
import io.skiff.sql.rel.ValueSource;
import io.skiff.sql.schema.SqlValues;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.SortKeyCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one page of a PartiQL SELECT through its access path, with DynamoDB's paging: the WHERE
 * filter runs inside the storage read, the limit caps the items evaluated (not those returned),
 * a page also ends after 1 MB of stored item data, and a page that stops early says where the
 * next one starts. Several partitions (IN on the partition key) are read one after another, in
 * the order the statement names them, within one shared limit.
 */
final class ItemReader {

    private final ItemStore store;
    private final TableSchema schema;

    ItemReader(ItemStore store, TableSchema schema) {
        this.store = store;
        this.schema = schema;
    }

    /** One page of a read: the items that passed the filter, and where the next page starts. */
    record Result(List<Item> items, Optional<Cursor> next) {
    }

    /**
     * Reads a page.
     *
     * @param values the statement's parameter values followed by its hidden parameters
     * @param decode the top-level attributes to decode, or empty for whole items
     */
    Result read(AccessPath path, List<Object> values, Optional<Condition> filter, List<Path> decode, OptionalInt limit,
                Cursor start) {
        if (path instanceof AccessPath.PointGet get) {
            return pointGets(keys(get, values), filter, decode, limit, start);
        }
        if (path instanceof AccessPath.RangeScan range) {
            return ranges(range, values, filter, decode, limit, start);
        }
        if (path instanceof AccessPath.IndexProbe probe) {
            Optional<IndexPredicate> predicate = probe.search().resolve(source -> source.resolve(values));
            Optional<Probe> where = predicate.flatMap(((TermIndex) probe.index().method())::probe);
            if (predicate.isEmpty() || where.isPresent() && where.get() instanceof Probe.None) {
                return new Result(List.of(), Optional.empty());
            }
            if (where.isPresent()) {
                return candidates(store.indexCandidates(schema.name(), probe.index().name(), where.get()), filter,
                        limit, start);
            }
        }
        if (path instanceof AccessPath.FilterGuard guard) {
            Optional<IndexPredicate> equality = guard.search().resolve(source -> source.resolve(values));
            if (equality.isEmpty() || !store.mightContain(schema.name(), guard.index().name(),
                    ((IndexPredicate.Equals) equality.get()).value())) {
                return new Result(List.of(), Optional.empty());
            }
        }
        return scan(filter, decode, limit, start);
    }

    /** The candidates an index offered that pass the filter, a page at a time by position. */
    private static Result candidates(List<Item> candidates, Optional<Condition> filter, OptionalInt limit,
                                     Cursor start) {
        int from = Math.min(start.position(), candidates.size());
        int to = limit.isPresent() ? Math.min(candidates.size(), from + limit.getAsInt()) : candidates.size();
        List<Item> found = new ArrayList<>();
        for (Item item : candidates.subList(from, to)) {
            if (filter.isEmpty() || filter.get().test(item)) {
                found.add(item);
            }
        }
        return new Result(found, to < candidates.size() ? Optional.of(new Cursor(to, Optional.empty()))
                : Optional.empty());
    }

    private Result scan(Optional<Condition> filter, List<Path> decode, OptionalInt limit, Cursor start) {
        Scan scan = Scan.table(schema.name()).limit(limit.orElse(0)).project(decode);
        scan = filter.map(scan::filter).orElse(scan);
        if (start.lastKey().isPresent()) {
            scan = scan.startAfter(start.lastKey().get());
        }
        Page page = store.scan(scan);
        return new Result(page.items(), page.lastEvaluatedKey().map(key -> new Cursor(0, Optional.of(key))));
    }

    // ------------------------------------------------------------------ point gets

    private List<Item> keys(AccessPath.PointGet get, List<Object> values) {
        Optional<AttributeValue> sortValue = get.sortKey().map(source -> keyValue(source, values, sortKey()));
        LinkedHashSet<Item> keys = new LinkedHashSet<>();
        for (ValueSource partition : get.partitionKeys()) {
            Item.Builder key = Item.builder().put(schema.partitionKey().name(),
                    keyValue(partition, values, schema.partitionKey()));
            sortValue.ifPresent(value -> key.put(sortKey().name(), value));
            keys.add(key.build());
        }
        return List.copyOf(keys);
    }

    private Result pointGets(List<Item> keys, Optional<Condition> filter, List<Path> decode, OptionalInt limit,
                             Cursor start) {
        int from = Math.min(start.position(), keys.size());
        int to = limit.isPresent() ? Math.min(keys.size(), from + limit.getAsInt()) : keys.size();
        List<Item> found = new ArrayList<>();
        for (int chunk = from; chunk < to; chunk += ItemStore.MAX_BATCH_GETS) {
            List<GetItem> gets = new ArrayList<>();
            for (int i = chunk; i < Math.min(to, chunk + ItemStore.MAX_BATCH_GETS); i++) {
                gets.add(new GetItem(schema.name(), keys.get(i), filter.isPresent() ? List.of() : decode));
            }
            List<Optional<Item>> items = gets.size() == 1 ? List.of(store.get(gets.get(0))) : store.batchGet(gets);
            for (Optional<Item> item : items) {
                if (item.isPresent() && (filter.isEmpty() || filter.get().test(item.get()))) {
                    found.add(item.get());
                }
            }
        }
        return new Result(found, to < keys.size() ? Optional.of(new Cursor(to, Optional.empty())) : Optional.empty());
    }

    // ------------------------------------------------------------------ range scans

    private Result ranges(AccessPath.RangeScan range, List<Object> values, Optional<Condition> filter,
                          List<Path> decode, OptionalInt limit, Cursor start) {
        List<AttributeValue> partitions = new ArrayList<>(new LinkedHashSet<>(range.partitionKeys().stream()
                .map(source -> keyValue(source, values, schema.partitionKey())).toList()));
        Optional<SortKeyCondition> sortCondition = range.sortRange().map(r -> sortCondition(r, values));
        if (sortCondition.isPresent() && isEmpty(sortCondition.get())) {
            return new Result(List.of(), Optional.empty());
        }
        List<Item> found = new ArrayList<>();
        int remaining = limit.orElse(0);
        for (int i = start.position(); i < partitions.size(); i++) {
            Query query = Query.partition(schema.name(), partitions.get(i)).limit(remaining).project(decode);
            query = sortCondition.map(query::where).orElse(query);
            query = range.descending() ? query.reverse() : query;
            query = filter.map(query::filter).orElse(query);
            if (i == start.position() && start.lastKey().isPresent()) {
                query = query.startAfter(start.lastKey().get());
            }
            Page page = store.query(query);
            found.addAll(page.items());
            if (page.lastEvaluatedKey().isPresent()) {
                return new Result(found, Optional.of(new Cursor(i, page.lastEvaluatedKey())));
            }
            if (limit.isPresent()) {
                remaining -= page.scannedCount();
                if (remaining <= 0) {
                    boolean more = i + 1 < partitions.size();
                    return new Result(found, more ? Optional.of(new Cursor(i + 1, Optional.empty())) : Optional.empty());
                }
            }
        }
        return new Result(found, Optional.empty());
    }

    private SortKeyCondition sortCondition(SortRange range, List<Object> values) {
        AttributeValue value = keyValue(range.value(), values, sortKey());
        Optional<AttributeValue> upper = range.upper().map(source -> keyValue(source, values, sortKey()));
        return new SortKeyCondition(range.operator(), value, upper);
    }

    /**
     * Whether a BETWEEN has its bounds the wrong way round. Two comparisons such as
     * {@code sk >= ? AND sk <= ?} are read as one BETWEEN, and bounds that cross simply select
     * nothing; a BETWEEN written so is refused when its condition is bound, before this is read.
     */
    private static boolean isEmpty(SortKeyCondition condition) {
        return condition.operator() == SortKeyCondition.Operator.BETWEEN
                && Arrays.compareUnsigned(KeyEncoding.encode(condition.value()),
                        KeyEncoding.encode(condition.upper().orElseThrow())) > 0;
    }

    // ------------------------------------------------------------------ key values

    private KeyAttribute sortKey() {
        return schema.sortKey().orElseThrow();
    }

    /**
     * A key value of the access path: a parameter's (or hidden parameter's) value as given, or a
     * SQL literal's, converted back. Parameters were checked against the key's type when bound.
     */
    private static AttributeValue keyValue(ValueSource source, List<Object> values, KeyAttribute key) {
        Object value = source.resolve(values);
        AttributeValue attribute = value instanceof AttributeValue given ? given : SqlValues.fromSql(value);
        if (attribute.type() != key.type()) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' has type " + key.type()
                    + " but the statement gives a value of type " + attribute.type());
        }
        return attribute;
    }
}
