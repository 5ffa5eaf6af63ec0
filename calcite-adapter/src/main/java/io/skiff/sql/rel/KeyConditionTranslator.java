package io.skiff.sql.rel;

import io.skiff.sql.schema.TableColumns;
import io.skiff.storage.api.SortKeyCondition.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Finds, in a filter condition, what a key access path can answer: equality (or IN) on the
 * partition key, and then equality or a range on the sort key. What the access path answers
 * exactly is "pushed"; everything else is the remainder, evaluated on the rows it returns.
 */
final class KeyConditionTranslator {

    /** The outcome: the access path, the conjuncts it answers exactly, the rest. */
    record Translation(AccessPath path, RexNode pushed, RexNode remainder) {
    }

    private static final int PARTITION_KEY = 0;
    private static final int SORT_KEY = 1;

    private final TableColumns columns;
    private final RexBuilder rexBuilder;

    KeyConditionTranslator(TableColumns columns, RexBuilder rexBuilder) {
        this.columns = columns;
        this.rexBuilder = rexBuilder;
    }

    Optional<Translation> translate(RexNode condition) {
        List<RexNode> pushed = new ArrayList<>();
        List<RexNode> remainder = new ArrayList<>();
        List<ValueSource> partitions = null;
        List<Comparison> sortComparisons = new ArrayList<>();
        List<RexNode> sortConjuncts = new ArrayList<>();
        boolean hasSortKey = columns.schema().sortKey().isPresent();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            Optional<List<ValueSource>> keys = partitionKeyValues(conjunct);
            if (keys.isPresent() && partitions == null) {
                partitions = keys.get();
                pushed.add(conjunct);
                continue;
            }
            Optional<Comparison> sort = hasSortKey ? comparison(conjunct, SORT_KEY) : Optional.empty();
            if (sort.isPresent()) {
                sortComparisons.add(sort.get());
                sortConjuncts.add(conjunct);
            } else {
                remainder.add(conjunct);
            }
        }
        if (partitions == null) {
            return Optional.empty();
        }
        AccessPath path = accessPath(partitions, sortComparisons, sortConjuncts, pushed, remainder);
        return Optional.of(new Translation(path, RexUtil.composeConjunction(rexBuilder, pushed),
                RexUtil.composeConjunction(rexBuilder, remainder)));
    }

    private AccessPath accessPath(List<ValueSource> partitions, List<Comparison> sorts, List<RexNode> sortConjuncts,
                                  List<RexNode> pushed, List<RexNode> remainder) {
        if (columns.schema().sortKey().isEmpty()) {
            return new AccessPath.PointGet(partitions, Optional.empty());
        }
        for (int i = 0; i < sorts.size(); i++) {
            if (sorts.get(i).operator() == Operator.EQ) {
                pushed.add(sortConjuncts.get(i));
                keepAllBut(i, sortConjuncts, remainder);
                return new AccessPath.PointGet(partitions, Optional.of(sorts.get(i).value()));
            }
        }
        Optional<SortRange> range = sortRange(sorts, sortConjuncts, pushed, remainder);
        return new AccessPath.RangeScan(partitions, range);
    }

    /**
     * The tightest storage range the sort-key comparisons allow. A lower and an upper bound become
     * an inclusive BETWEEN; when either bound is exclusive the comparisons also stay in the
     * remainder, so the result is exact either way.
     */
    private static Optional<SortRange> sortRange(List<Comparison> sorts, List<RexNode> conjuncts, List<RexNode> pushed,
                                                 List<RexNode> remainder) {
        int lower = -1;
        int upper = -1;
        int prefix = -1;
        for (int i = 0; i < sorts.size(); i++) {
            Operator op = sorts.get(i).operator();
            if ((op == Operator.GT || op == Operator.GE) && lower < 0) {
                lower = i;
            } else if ((op == Operator.LT || op == Operator.LE) && upper < 0) {
                upper = i;
            } else if (op == Operator.BEGINS_WITH && prefix < 0) {
                prefix = i;
            }
        }
        if (prefix >= 0) {
            pushed.add(conjuncts.get(prefix));
            keepAllBut(prefix, conjuncts, remainder);
            return Optional.of(new SortRange(Operator.BEGINS_WITH, sorts.get(prefix).value(), Optional.empty()));
        }
        if (lower >= 0 && upper >= 0) {
            boolean inclusive = sorts.get(lower).operator() == Operator.GE && sorts.get(upper).operator() == Operator.LE;
            for (int i = 0; i < conjuncts.size(); i++) {
                if (inclusive && (i == lower || i == upper)) {
                    pushed.add(conjuncts.get(i));
                } else {
                    remainder.add(conjuncts.get(i));
                }
            }
            return Optional.of(new SortRange(Operator.BETWEEN, sorts.get(lower).value(),
                    Optional.of(sorts.get(upper).value())));
        }
        int only = Math.max(lower, upper);
        if (only < 0) {
            remainder.addAll(conjuncts);
            return Optional.empty();
        }
        pushed.add(conjuncts.get(only));
        keepAllBut(only, conjuncts, remainder);
        return Optional.of(new SortRange(sorts.get(only).operator(), sorts.get(only).value(), Optional.empty()));
    }

    private static void keepAllBut(int index, List<RexNode> conjuncts, List<RexNode> remainder) {
        for (int i = 0; i < conjuncts.size(); i++) {
            if (i != index) {
                remainder.add(conjuncts.get(i));
            }
        }
    }

    /** {@code pk = v}, or {@code pk = v1 OR pk = v2 ...} (what {@code pk IN (...)} becomes). */
    private Optional<List<ValueSource>> partitionKeyValues(RexNode conjunct) {
        List<ValueSource> values = new ArrayList<>();
        for (RexNode disjunct : RelOptUtil.disjunctions(conjunct)) {
            Optional<Comparison> equality = comparison(disjunct, PARTITION_KEY);
            if (equality.isEmpty() || equality.get().operator() != Operator.EQ) {
                return Optional.empty();
            }
            values.add(equality.get().value());
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** A comparison of one key column with a constant or parameter, column on either side. */
    private Optional<Comparison> comparison(RexNode node, int column) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
            return Optional.empty();
        }
        RexNode left = stripCast(call.getOperands().get(0));
        RexNode right = stripCast(call.getOperands().get(1));
        if (call.getKind() == SqlKind.LIKE) {
            return isColumn(left, column) ? likePrefix(right) : Optional.empty();
        }
        if (call.getKind() == SqlKind.STARTS_WITH) {
            // STARTS_WITH(sk, prefix): PartiQL's begins_with, whose prefix may be a parameter.
            return isColumn(left, column)
                    ? valueOf(right).map(prefix -> new Comparison(Operator.BEGINS_WITH, prefix)) : Optional.empty();
        }
        boolean flipped = false;
        if (!isColumn(left, column)) {
            if (!isColumn(right, column)) {
                return Optional.empty();
            }
            RexNode swap = left;
            left = right;
            right = swap;
            flipped = true;
        }
        Optional<ValueSource> value = valueOf(right);
        Optional<Operator> operator = operatorOf(call.getKind(), flipped);
        if (value.isEmpty() || operator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(operator.get(), value.get()));
    }

    /** {@code sk LIKE 'abc%'} with no other wildcard is a prefix match. */
    private Optional<Comparison> likePrefix(RexNode pattern) {
        if (!(pattern instanceof RexLiteral literal)) {
            return Optional.empty();
        }
        String text = literal.getValueAs(String.class);
        if (text == null || !text.endsWith("%") || text.length() < 2) {
            return Optional.empty();
        }
        String prefix = text.substring(0, text.length() - 1);
        if (prefix.contains("%") || prefix.contains("_") || prefix.contains("\\")) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(Operator.BEGINS_WITH, new ValueSource.Literal(prefix)));
    }

    private static Optional<Operator> operatorOf(SqlKind kind, boolean flipped) {
        switch (kind) {
            case EQUALS:
                return Optional.of(Operator.EQ);
            case LESS_THAN:
                return Optional.of(flipped ? Operator.GT : Operator.LT);
            case LESS_THAN_OR_EQUAL:
                return Optional.of(flipped ? Operator.GE : Operator.LE);
            case GREATER_THAN:
                return Optional.of(flipped ? Operator.LT : Operator.GT);
            case GREATER_THAN_OR_EQUAL:
                return Optional.of(flipped ? Operator.LE : Operator.GE);
            default:
                return Optional.empty();
        }
    }

    private static Optional<ValueSource> valueOf(RexNode node) {
        if (node instanceof RexDynamicParam param) {
            return Optional.of(new ValueSource.Parameter(param.getIndex()));
        }
        if (!(node instanceof RexLiteral literal) || literal.isNull()) {
            return Optional.empty();
        }
        switch (literal.getTypeName().getFamily()) {
            case CHARACTER:
                return Optional.of(new ValueSource.Literal(literal.getValueAs(String.class)));
            case NUMERIC:
            case EXACT_NUMERIC:
            case APPROXIMATE_NUMERIC:
                return Optional.of(new ValueSource.Literal(literal.getValueAs(java.math.BigDecimal.class)));
            case BINARY:
                return Optional.of(new ValueSource.Literal(literal.getValueAs(ByteString.class)));
            default:
                return Optional.empty();
        }
    }

    private static boolean isColumn(RexNode node, int column) {
        return node instanceof RexInputRef ref && ref.getIndex() == column;
    }

    private static RexNode stripCast(RexNode node) {
        RexNode current = node;
        while (current.getKind() == SqlKind.CAST) {
            current = ((RexCall) current).getOperands().get(0);
        }
        return current;
    }

    private record Comparison(Operator operator, ValueSource value) {
    }
}
