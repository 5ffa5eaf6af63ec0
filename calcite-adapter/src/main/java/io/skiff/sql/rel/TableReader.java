package io.skiff.sql.rel;

import io.skiff.core.key.KeyEncoding;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.schema.RowMapper;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.SortKeyCondition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.skiff.core.expr.Path;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Runs an access path against the store when a plan executes: the object generated code calls.
 * Rows stream page by page, so a LIMIT over a large scan reads only the pages it needs.
 */
public final class TableReader {

    private static final int PAGE_ITEMS = 1000;

    private final ItemStore store;
    private final RowMapper rows;
    private final AccessPath path;
    /** Top-level attributes to decode (keys included), or empty for whole items. */
    private final List<Path> projection;

    public TableReader(ItemStore store, RowMapper rows, AccessPath path, Optional<Set<String>> attributes) {
        this.store = store;
        this.rows = rows;
        this.path = path;
        this.projection = attributes.map(names -> projectionOf(rows.columns().schema(), names)).orElse(List.of());
    }

    private static List<Path> projectionOf(TableSchema schema, Set<String> names) {
        Set<String> all = new java.util.LinkedHashSet<>();
        all.add(schema.partitionKey().name());
        schema.sortKey().ifPresent(sort -> all.add(sort.name()));
        all.addAll(names);
        // List.copyOf, not Stream.toList: requests copy a list that allows nulls on every read.
        return List.copyOf(all.stream().map(Path::attribute).toList());
    }

    /** The rows of the table that the access path selects, as full table rows. */
    public Enumerable<Object[]> read(DataContext context) {
        TableSchema schema = rows.columns().schema();
        if (path instanceof AccessPath.PointGet get) {
            return Linq4j.asEnumerable(pointGet(schema, get, context));
        }
        if (path instanceof AccessPath.RangeScan range) {
            List<Query> queries = new ArrayList<>();
            for (ValueSource partition : range.partitionKeys()) {
                partitionQuery(schema, partition, range.sortRange(), context)
                        .map(query -> range.descending() ? query.reverse() : query).ifPresent(queries::add);
            }
            return paged(queries, store::query, Query::startAfter, interruptionOf(context));
        }
        if (path instanceof AccessPath.IndexProbe probe) {
            return indexProbe(schema, probe, context);
        }
        if (path instanceof AccessPath.FilterGuard guard) {
            Optional<IndexPredicate> equality = guard.search().resolve(value -> value.resolve(context));
            if (equality.isEmpty() || !store.mightContain(schema.name(), guard.index().name(),
                    ((IndexPredicate.Equals) equality.get()).value())) {
                return Linq4j.emptyEnumerable();
            }
        }
        return fullScan(schema, context);
    }

    private Enumerable<Object[]> fullScan(TableSchema schema, DataContext context) {
        return paged(List.of(Scan.table(schema.name()).limit(PAGE_ITEMS).project(projection)), store::scan,
                Scan::startAfter, interruptionOf(context));
    }

    /** The candidates of an index probe; the whole table when the index cannot narrow these values. */
    private Enumerable<Object[]> indexProbe(TableSchema schema, AccessPath.IndexProbe probe, DataContext context) {
        Optional<IndexPredicate> predicate = probe.search().resolve(value -> value.resolve(context));
        if (predicate.isEmpty()) {
            return Linq4j.emptyEnumerable();
        }
        Optional<Probe> where = ((TermIndex) probe.index().method()).probe(predicate.get());
        if (where.isEmpty()) {
            return fullScan(schema, context);
        }
        if (where.get() instanceof Probe.None) {
            return Linq4j.emptyEnumerable();
        }
        interruptionOf(context).check();
        List<Item> candidates = store.indexCandidates(schema.name(), probe.index().name(), where.get());
        return Linq4j.asEnumerable(candidates).select(rows::toRow);
    }

    private List<Object[]> pointGet(TableSchema schema, AccessPath.PointGet get, DataContext context) {
        List<GetItem> gets = new ArrayList<>();
        for (ValueSource partition : get.partitionKeys()) {
            Optional<GetItem> request = request(schema, partition, get.sortKey(), value -> value.resolve(context));
            if (request.isPresent() && !gets.contains(request.get())) {
                gets.add(request.get());
            }
        }
        if (gets.isEmpty()) {
            return List.of();
        }
        List<Object[]> result = new ArrayList<>(gets.size());
        if (gets.size() == 1) {
            store.get(gets.get(0)).ifPresent(item -> result.add(rows.toRow(item)));
            return result;
        }
        for (int from = 0; from < gets.size(); from += ItemStore.MAX_BATCH_GETS) {
            List<GetItem> chunk = gets.subList(from, Math.min(gets.size(), from + ItemStore.MAX_BATCH_GETS));
            store.batchGet(chunk).forEach(item -> item.ifPresent(found -> result.add(rows.toRow(found))));
        }
        return result;
    }

    /**
     * The row of the one item a point get by a single full key selects, or null when there is
     * none; the key values come straight from the statement's parameters. This is the direct
     * path of prepared point lookups ({@link DirectPointGet}): the same key checks and read as
     * {@link #read}, without a generated plan.
     */
    Object[] readOne(List<Object> parameters) {
        TableSchema schema = rows.columns().schema();
        AccessPath.PointGet get = (AccessPath.PointGet) path;
        Optional<GetItem> request = request(schema, get.partitionKeys().get(0), get.sortKey(),
                value -> value.resolve(parameters));
        if (request.isEmpty()) {
            return null;
        }
        Optional<Item> item = store.get(request.get());
        return item.isPresent() ? rows.toRow(item.get()) : null;
    }

    /**
     * The read of one full key, or empty when a key value is NULL (a key never equals NULL). The
     * sort key is converted first, so a NULL sort key selects nothing whatever the partition key.
     */
    private Optional<GetItem> request(TableSchema schema, ValueSource partition, Optional<ValueSource> sortKey,
                                      Function<ValueSource, Object> values) {
        Optional<AttributeValue> sortValue = Optional.empty();
        if (sortKey.isPresent()) {
            sortValue = KeyValues.toKey(values.apply(sortKey.get()), schema.sortKey().orElseThrow());
            if (sortValue.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<AttributeValue> key = KeyValues.toKey(values.apply(partition), schema.partitionKey());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Item.Builder itemKey = Item.builder().put(schema.partitionKey().name(), key.get());
        sortValue.ifPresent(v -> itemKey.put(schema.sortKey().orElseThrow().name(), v));
        return Optional.of(new GetItem(schema.name(), itemKey.build(), projection));
    }

    private Optional<Query> partitionQuery(TableSchema schema, ValueSource partition, Optional<SortRange> sortRange,
                                           DataContext context) {
        Optional<AttributeValue> key = KeyValues.toKey(partition.resolve(context), schema.partitionKey());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Query query = Query.partition(schema.name(), key.get()).limit(PAGE_ITEMS).project(projection);
        if (sortRange.isEmpty()) {
            return Optional.of(query);
        }
        SortRange range = sortRange.get();
        KeyAttribute sortKey = schema.sortKey().orElseThrow();
        Optional<AttributeValue> value = range.operator() == SortKeyCondition.Operator.BEGINS_WITH
                ? Optional.ofNullable(range.value().resolve(context)).map(io.skiff.sql.schema.SqlValues::fromSql)
                : KeyValues.toKey(range.value().resolve(context), sortKey);
        Optional<AttributeValue> upper = range.upper().isEmpty() ? Optional.empty()
                : KeyValues.toKey(range.upper().get().resolve(context), sortKey);
        if (value.isEmpty() || (range.upper().isPresent() && upper.isEmpty())) {
            return Optional.empty();
        }
        // In SQL, crossed bounds (seq >= 5 AND seq <= 3) select nothing; storage would reject them.
        if (upper.isPresent() && Arrays.compareUnsigned(KeyEncoding.encode(value.get()),
                KeyEncoding.encode(upper.get())) > 0) {
            return Optional.empty();
        }
        return Optional.of(query.where(new SortKeyCondition(range.operator(), value.get(), upper)));
    }

    /** Streams the pages of several requests one after another. */
    /** The running statement's interruption; plans run outside a statement cannot be interrupted. */
    private static Interruption interruptionOf(DataContext context) {
        Object interruption = context.get(Interruption.CONTEXT_KEY);
        return interruption instanceof Interruption given ? given : Interruption.unlimited();
    }

    private <R> Enumerable<Object[]> paged(List<R> requests, Function<R, Page> run,
                                           java.util.function.BiFunction<R, Item, R> next, Interruption interruption) {
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return Linq4j.iterableEnumerator(() -> new PageIterator<>(requests, run, next, interruption));
            }
        };
    }

    private final class PageIterator<R> implements Iterator<Object[]> {
        private final Iterator<R> requests;
        private final Function<R, Page> run;
        private final java.util.function.BiFunction<R, Item, R> next;
        private R current;
        private Iterator<Item> items = Collections.emptyIterator();

        private final Interruption interruption;

        PageIterator(List<R> requests, Function<R, Page> run, java.util.function.BiFunction<R, Item, R> next,
                     Interruption interruption) {
            this.interruption = interruption;
            this.requests = requests.iterator();
            this.run = run;
            this.next = next;
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                if (current == null) {
                    if (!requests.hasNext()) {
                        return false;
                    }
                    current = requests.next();
                }
                // A page is the unit of work between checks: a scan whose filter matches nothing still stops.
                interruption.check();
                Page page = run.apply(current);
                items = page.items().iterator();
                current = page.lastEvaluatedKey().map(key -> next.apply(current, key)).orElse(null);
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return rows.toRow(items.next());
        }
    }
}
