package io.skiff.sql.partiql;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.NearestOrder;
import io.skiff.parser.partiql.StatementPrinter;
import io.skiff.sql.rel.AccessPath;
import io.skiff.parser.partiql.OrderItem;
import io.skiff.parser.partiql.Position;
import io.skiff.parser.partiql.Statement;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SELECT: the access path chosen by the planner from its key terms, the rest of its WHERE
 * clause evaluated inside the storage read, and its items shaped as DynamoDB returns them.
 */
final class SelectCommand implements Command {

    private final Statement.Select select;
    private final TableSchema schema;
    private final WhereClause where;
    private final AccessPlanner.PlannedRead read;
    private final ResultShape shape;
    private final ItemReader reader;
    /** The conjuncts evaluated on each item read: those the access path does not answer exactly. */
    private final List<Expr> residual;

    private SelectCommand(Statement.Select select, TableSchema schema, WhereClause where,
                          AccessPlanner.PlannedRead read, ResultShape shape, ItemReader reader) {
        this.select = select;
        this.schema = schema;
        this.where = where;
        this.read = read;
        this.shape = shape;
        this.reader = reader;
        this.residual = read.exact() ? where.others() : where.conjuncts();
    }

    static SelectCommand prepare(Statement.Select select, TableSchema schema, ItemStore store, AccessPlanner planner) {
        WhereClause where = WhereClause.of(select.where(), schema);
        ResultShape shape = ResultShape.of(select.projection());
        Optional<Boolean> descending = ordering(select, schema, where);
        AccessPlanner.PlannedRead read = planner.plan(schema, where.keyTerms(), select.parameterCount(), descending);
        if (read.path().filter(AccessPath.FullScan.class::isInstance).isPresent() && descending.isEmpty()) {
            Optional<AccessPath> index = select.nearest()
                    .flatMap(order -> IndexChoice.nearest(store, schema, order, select.hints()));
            if (index.isEmpty()) {
                index = IndexChoice.choose(store, schema, where.others(), select.hints());
            }
            read = index.map(read::through).orElse(read);
        }
        return new SelectCommand(select, schema, where, read, shape, new ItemReader(store, schema));
    }

    /**
     * The sort-key order ORDER BY asks for (true: descending), as DynamoDB allows it: on key
     * attributes only, with the partition fixed by {@code =}.
     */
    private static Optional<Boolean> ordering(Statement.Select select, TableSchema schema, WhereClause where) {
        Optional<Boolean> descending = Optional.empty();
        for (OrderItem item : select.orderBy()) {
            Path path = item.path().path();
            if (!path.isTopLevel() || !schema.isKeyAttribute(path.topName())) {
                throw item.position().invalid("ORDER BY accepts only the key attributes of table '" + schema.name()
                        + "' (" + keyNames(schema) + "); " + path + " is not one");
            }
            if (!path.topName().equals(schema.partitionKey().name()) && descending.isEmpty()) {
                descending = Optional.of(item.descending());
            }
        }
        if (!select.orderBy().isEmpty() && where.partitionEquality().isEmpty()) {
            throw select.orderBy().get(0).position().invalid("ORDER BY needs a WHERE clause that fixes the partition"
                    + " key '" + schema.partitionKey().name() + "' with =, so that one partition is read in key order");
        }
        return descending;
    }

    private static String keyNames(TableSchema schema) {
        return schema.partitionKey().name() + schema.sortKey().map(sort -> ", " + sort.name()).orElse("");
    }

    @Override
    public Statement.Select statement() {
        return select;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public Optional<Expr> partitionKey() {
        return where.partitionEquality().filter(term -> term.values().size() == 1).map(term -> term.values().get(0));
    }

    ResultShape shape() {
        return shape;
    }

    @Override
    public PartiqlResult execute(Binder binder, ExecuteOptions options, String text) {
        Optional<Condition> filter = filter(binder);
        if (select.nearest().isPresent()) {
            return nearest(select.nearest().get(), binder, options, filter);
        }
        if (read.path().isEmpty()) {
            return PartiqlResult.EMPTY;
        }
        byte[] fingerprint = NextTokens.fingerprint(text, binder.parameters());
        Cursor start = options.nextToken().map(token -> NextTokens.decode(token, fingerprint, schema))
                .orElse(Cursor.START);
        List<Object> values = new ArrayList<>(binder.parameters());
        values.addAll(read.hidden());
        ItemReader.Result page = reader.read(read.path().get(), values, filter, decoded(), options.limit(), start);
        List<Item> items = page.items().stream().map(shape::apply).toList();
        return new PartiqlResult(items, page.next().map(cursor -> NextTokens.encode(cursor, fingerprint)));
    }

    /**
     * {@code ORDER BY distance(path, value) LIMIT k}: every item the access path reads (the
     * index's candidates, or the partitions or table) that passes the filter is ranked by the
     * exact distance in a bounded heap; the k closest come back in one page, closest first. The
     * request's Limit does not apply: k is the limit, and there is no NextToken.
     */
    private PartiqlResult nearest(NearestOrder order, Binder binder, ExecuteOptions options,
                                  Optional<Condition> filter) {
        if (options.nextToken().isPresent()) {
            throw order.position().invalid("A nearest-neighbour read (ORDER BY ... LIMIT) returns its items in one"
                    + " page; it gives no NextToken to continue from");
        }
        NearestRanking ranking = new NearestRanking(schema, binder.operand(order.distance()), count(order, binder));
        if (read.path().isEmpty()) {
            return PartiqlResult.EMPTY;
        }
        List<Object> values = new ArrayList<>(binder.parameters());
        values.addAll(read.hidden());
        Cursor cursor = Cursor.START;
        while (true) {
            ItemReader.Result page = reader.read(read.path().get(), values, filter, List.of(), OptionalInt.empty(),
                    cursor);
            page.items().forEach(ranking::offer);
            if (page.next().isEmpty()) {
                break;
            }
            cursor = page.next().get();
        }
        return new PartiqlResult(ranking.nearest().stream().map(shape::apply).toList(), Optional.empty());
    }

    /** The k of LIMIT k: a literal checked when parsed, or a parameter checked here, at its {@code ?}. */
    private static int count(NearestOrder order, Binder binder) {
        AttributeValue count = binder.value(order.count());
        if (count instanceof NumberValue number && NearestOrder.isValidCount(number.value())) {
            return number.value().stripTrailingZeros().intValueExact();
        }
        throw order.count().position().invalid(NearestOrder.COUNT_RULE + "; the parameter is "
                + ItemJson.writeValue(count));
    }

    /**
     * The filter the storage read evaluates. Every conjunct is bound, even those the access path
     * answers, so that a statement is refused or accepted whatever path the planner chose.
     */
    private Optional<Condition> filter(Binder binder) {
        Keys.checkParameters(where.keyTerms(), schema, binder);
        List<Condition> evaluated = new ArrayList<>();
        for (Expr conjunct : where.conjuncts()) {
            Condition condition = binder.condition(conjunct);
            if (residual.contains(conjunct)) {
                evaluated.add(condition);
            }
        }
        if (evaluated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(evaluated.size() == 1 ? evaluated.get(0) : Condition.and(evaluated.toArray(Condition[]::new)));
    }

    private List<Path> decoded() {
        return shape.attributes().map(names -> {
            List<Path> paths = new ArrayList<>();
            names.forEach(name -> paths.add(Path.attribute(name)));
            return List.copyOf(paths);
        }).orElse(List.of());
    }

    /**
     * The single-item read of a SELECT in a batch or a read transaction, which must fix every key
     * attribute with {@code =} as DynamoDB requires; other conjuncts filter the item read.
     */
    PointRead pointRead(Binder binder, String context) {
        if (select.nearest().isPresent()) {
            throw select.nearest().get().position().invalid("ORDER BY ... LIMIT is not supported in " + context
                    + "; a SELECT there reads one item by its key");
        }
        WhereClause.FullKey key = where.fullKey(schema).orElseThrow(() -> positionOfWhere().invalid("A SELECT in "
                + context + " must fix every key attribute of table '" + schema.name() + "' with = ("
                + keyNames(schema) + "), so that it reads at most one item"));
        Item itemKey = Keys.item(schema, key, binder);
        return new PointRead(GetItem.of(schema.name(), itemKey), binder.allOf(key.condition()), shape);
    }

    private Position positionOfWhere() {
        return select.where().map(Expr::position).orElse(select.position());
    }

    /** One item read by key, then filtered and shaped. */
    record PointRead(GetItem get, Optional<Condition> filter, ResultShape shape) {
        Optional<Item> result(Optional<Item> read) {
            return read.filter(item -> filter.isEmpty() || filter.get().test(item)).map(shape::apply);
        }
    }

    @Override
    public String explain() {
        PlanText plan = new PlanText();
        if (!shape.selectsAll()) {
            plan.operator("PartiqlProject", "paths", shape.describe());
        }
        select.nearest().ifPresent(order -> plan.operator("PartiqlNearest", "order",
                StatementPrinter.print(order.distance()) + " ASC", "limit", StatementPrinter.print(order.count())));
        if (!residual.isEmpty()) {
            plan.operator("PartiqlFilter", "condition", PlanText.conjunction(residual));
        }
        return plan.plan(read.accessRel()).toString();
    }
}
