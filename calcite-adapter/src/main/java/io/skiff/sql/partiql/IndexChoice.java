package io.skiff.sql.partiql;

import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.NumberValue;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.NearestOrder;
import io.skiff.parser.partiql.PartiQLFunction;
import io.skiff.sql.rel.AccessPath;
import io.skiff.sql.rel.IndexConditionTranslator;
import io.skiff.sql.rel.IndexHints;
import io.skiff.sql.rel.IndexSearch;
import io.skiff.sql.rel.ValueSource;
import io.skiff.sql.schema.TableColumns;
import io.skiff.sql.schema.TableIndex;
import io.skiff.storage.api.ItemStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The secondary index a PartiQL read that would scan uses instead, when one of its conjuncts is
 * a distance bound ({@code levenshtein(name, ?) <= 2}), an equality or a {@code begins_with} on
 * an indexed attribute, and the index costs less than the scan, by the same costs as in SQL.
 */
final class IndexChoice {

    private IndexChoice() {
    }

    /**
     * The cheapest index for one of the conjuncts, among those the hints allow
     * ({@code exact}: no approximate index, {@code no_index}: none).
     */
    static Optional<AccessPath> choose(ItemStore store, TableSchema schema, List<Expr> conjuncts, Set<String> hints) {
        List<IndexSearch> searches = new ArrayList<>();
        conjuncts.forEach(conjunct -> search(conjunct).ifPresent(searches::add));
        return cheapest(store, schema, searches, hints, false);
    }

    /**
     * The index that answers {@code ORDER BY distance(attribute, target) LIMIT k} with candidates
     * (vectorlsh for cosine and euclidean, minhash for jaccard), when the hints allow it and it
     * costs less than a scan: the same probe SQL's nearest-neighbour rule plans.
     */
    static Optional<AccessPath> nearest(ItemStore store, TableSchema schema, NearestOrder order, Set<String> hints) {
        Optional<String> attribute = attribute(order.attribute());
        Optional<ValueSource> target = value(order.target());
        Optional<ValueSource> count = order.count() instanceof Expr.Literal literal
                && literal.value() instanceof NumberValue number
                ? Optional.of(new ValueSource.Literal(number.value())) : value(order.count());
        if (attribute.isEmpty() || target.isEmpty() || count.isEmpty()) {
            return Optional.empty();
        }
        IndexSearch search = new IndexSearch(IndexSearch.Kind.NEAREST, order.operator(), attribute.get(),
                target.get(), count);
        return cheapest(store, schema, List.of(search), hints, true);
    }

    private static Optional<AccessPath> cheapest(ItemStore store, TableSchema schema, List<IndexSearch> searches,
                                                 Set<String> hints, boolean probesOnly) {
        List<TableIndex> indexes = TableIndex.of(store, schema.name());
        if (indexes.isEmpty() || searches.isEmpty()) {
            return Optional.empty();
        }
        long items = store.approximateItemCount(schema.name());
        double rows = items < 0 ? 1000 : Math.max(1, items);
        IndexConditionTranslator translator = new IndexConditionTranslator(new TableColumns(schema), indexes);
        AccessPath best = null;
        for (IndexSearch search : searches) {
            for (AccessPath path : translator.pathsFor(search)) {
                if ((probesOnly && !(path instanceof AccessPath.IndexProbe)) || !IndexHints.allowsNamed(hints, path)) {
                    continue;
                }
                if (path.costFactor(rows) < 1 && (best == null || path.costFactor(rows) < best.costFactor(rows))) {
                    best = path;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<IndexSearch> search(Expr conjunct) {
        if (conjunct instanceof Expr.Call call && call.function() == PartiQLFunction.BEGINS_WITH) {
            return attribute(call.arguments().get(0)).flatMap(attribute -> value(call.arguments().get(1))
                    .map(prefix -> new IndexSearch(IndexSearch.Kind.PREFIX, null, attribute, prefix, Optional.empty())));
        }
        if (!(conjunct instanceof Expr.Comparison comparison)) {
            return Optional.empty();
        }
        ComparisonOperator operator = comparison.operator();
        if (operator == ComparisonOperator.EQ) {
            Optional<IndexSearch> equality = equality(comparison.left(), comparison.right());
            return equality.isPresent() ? equality : equality(comparison.right(), comparison.left());
        }
        if (operator == ComparisonOperator.LE || operator == ComparisonOperator.LT) {
            return within(comparison.left(), comparison.right());
        }
        if (operator == ComparisonOperator.GE || operator == ComparisonOperator.GT) {
            return within(comparison.right(), comparison.left());
        }
        return Optional.empty();
    }

    private static Optional<IndexSearch> equality(Expr attributeSide, Expr valueSide) {
        return attribute(attributeSide).flatMap(attribute -> value(valueSide).map(value -> new IndexSearch(
                IndexSearch.Kind.EQUALS, null, attribute, value, Optional.empty())));
    }

    private static Optional<IndexSearch> within(Expr distanceSide, Expr boundSide) {
        Optional<ValueSource> bound = value(boundSide);
        if (bound.isEmpty() || !(distanceSide instanceof Expr.NamedCall call) || call.arguments().size() != 2) {
            return Optional.empty();
        }
        String operator = call.name().toLowerCase(Locale.ROOT);
        for (int flip = 0; flip < 2; flip++) {
            Optional<String> attribute = attribute(call.arguments().get(flip));
            Optional<ValueSource> argument = value(call.arguments().get(1 - flip));
            if (attribute.isPresent() && argument.isPresent()) {
                return Optional.of(new IndexSearch(IndexSearch.Kind.WITHIN, operator, attribute.get(), argument.get(),
                        bound));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> attribute(Expr expr) {
        return expr instanceof Expr.PathRef ref && ref.path().isTopLevel() ? Optional.of(ref.path().topName())
                : Optional.empty();
    }

    private static Optional<ValueSource> value(Expr expr) {
        if (expr instanceof Expr.Parameter parameter) {
            return Optional.of(new ValueSource.Parameter(parameter.index()));
        }
        if (expr instanceof Expr.Literal literal) {
            return Optional.of(new ValueSource.Literal(literal.value()));
        }
        return Optional.empty();
    }
}
