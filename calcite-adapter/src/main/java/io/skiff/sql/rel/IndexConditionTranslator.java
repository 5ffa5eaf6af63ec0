package io.skiff.sql.rel;

import io.skiff.core.error.SkiffException;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.TermIndex;
import io.skiff.sql.schema.TableColumns;
import io.skiff.sql.schema.TableIndex;
import io.skiff.sql.typing.TypedOperators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.util.NlsString;

/**
 * Finds the conjuncts of a filter that a secondary index can narrow: a distance bound
 * ({@code levenshtein(name, ?) <= 2}, {@code haversine(loc, ?) < 1500}), an equality, or a
 * prefix {@code LIKE 'ab%'}, on the attribute an index covers, where the index's plugin says it
 * narrows that kind of predicate and, when the values are literals, does not decline them. Each
 * match is an access path; the planner costs them.
 */
public final class IndexConditionTranslator {

    private static final DistanceOperators OPERATORS = DistanceOperators.shared();

    private final TableColumns columns;
    private final List<TableIndex> indexes;

    public IndexConditionTranslator(TableColumns columns, List<TableIndex> indexes) {
        this.columns = columns;
        this.indexes = indexes;
    }

    /** Every access path an index offers for one conjunct of {@code condition}. */
    List<AccessPath> translate(RexNode condition) {
        List<AccessPath> paths = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            search(conjunct).ifPresent(search -> paths.addAll(pathsFor(search)));
        }
        return paths;
    }

    /** The access paths of the indexes on a search's attribute that narrow it. */
    public List<AccessPath> pathsFor(IndexSearch search) {
        List<AccessPath> paths = new ArrayList<>();
        for (TableIndex index : indexes) {
            if (!index.definition().attribute().equals(search.attribute())) {
                continue;
            }
            if (index.method() instanceof TermIndex term && term.narrows(search.narrowsKind())) {
                if (declinesKnownValues(term, search)) {
                    continue; // it would read the whole table: the plan should say, and cost, a scan
                }
                paths.add(new AccessPath.IndexProbe(index, search, fractionOf(search.kind())));
            } else if (index.method() instanceof FilterIndex && search.kind() == IndexSearch.Kind.EQUALS) {
                paths.add(new AccessPath.FilterGuard(index, search));
            }
        }
        return paths;
    }

    /**
     * Whether the index already declines a search whose values are all literals, such as
     * {@code jaro_winkler(name, 'Maria') <= 0.3}: the probe would fall back to the full scan on
     * every execution. Searches with markers are asked when they run; nearest-neighbour searches
     * are left to their rule.
     */
    private static boolean declinesKnownValues(TermIndex index, IndexSearch search) {
        if (search.kind() == IndexSearch.Kind.NEAREST || !literal(search.argument())
                || !search.bound().map(IndexConditionTranslator::literal).orElse(true)) {
            return false;
        }
        try {
            Optional<IndexPredicate> predicate = search.resolve(value -> value.resolve(List.of()));
            return predicate.isPresent() && index.probe(predicate.get()).isEmpty();
        } catch (SkiffException invalid) {
            return false; // the execution reports it, as it would without the index
        }
    }

    private static boolean literal(ValueSource value) {
        if (value instanceof ValueSource.Constructed constructed) {
            return constructed.parts().stream().allMatch(IndexConditionTranslator::literal);
        }
        return value instanceof ValueSource.Literal;
    }

    /** Rough shares of a table the candidates are, for costing. */
    private static double fractionOf(IndexSearch.Kind kind) {
        return switch (kind) {
            case EQUALS -> 0.001;
            case WITHIN, NEAREST -> 0.01;
            case PREFIX -> 0.02;
        };
    }

    private Optional<IndexSearch> search(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
            return Optional.empty();
        }
        RexNode left = stripCast(call.getOperands().get(0));
        RexNode right = stripCast(call.getOperands().get(1));
        SqlKind kind = kindOf(call);
        if (kind == SqlKind.LIKE) {
            return attribute(left).flatMap(attribute -> likePrefix(right).map(prefix -> new IndexSearch(
                    IndexSearch.Kind.PREFIX, null, attribute, new ValueSource.Literal(prefix), Optional.empty())));
        }
        if (kind == SqlKind.EQUALS) {
            Optional<IndexSearch> equality = equality(left, right);
            return equality.isPresent() ? equality : equality(right, left);
        }
        if (kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL) {
            return within(left, right);
        }
        if (kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL) {
            return within(right, left);
        }
        return Optional.empty();
    }

    /** The comparison a call makes, also when run-time typing made it a {@code VALUE_EQ(a, b)} call. */
    private static SqlKind kindOf(RexCall call) {
        SqlOperator operator = call.getOperator();
        if (operator == TypedOperators.EQUALS) {
            return SqlKind.EQUALS;
        }
        if (operator == TypedOperators.LESS_THAN) {
            return SqlKind.LESS_THAN;
        }
        if (operator == TypedOperators.LESS_THAN_OR_EQUAL) {
            return SqlKind.LESS_THAN_OR_EQUAL;
        }
        if (operator == TypedOperators.GREATER_THAN) {
            return SqlKind.GREATER_THAN;
        }
        if (operator == TypedOperators.GREATER_THAN_OR_EQUAL) {
            return SqlKind.GREATER_THAN_OR_EQUAL;
        }
        return call.getKind();
    }

    private Optional<IndexSearch> equality(RexNode attributeSide, RexNode valueSide) {
        Optional<String> attribute = attribute(attributeSide);
        Optional<ValueSource> value = value(valueSide);
        if (attribute.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IndexSearch(IndexSearch.Kind.EQUALS, null, attribute.get(), value.get(),
                Optional.empty()));
    }

    /** {@code distance(attribute, argument) <= bound}, either argument order. */
    private Optional<IndexSearch> within(RexNode distanceSide, RexNode boundSide) {
        Optional<ValueSource> bound = value(boundSide);
        if (bound.isEmpty() || !(distanceSide instanceof RexCall distance) || distance.getOperands().size() != 2) {
            return Optional.empty();
        }
        return distanceSearch(distance, IndexSearch.Kind.WITHIN, bound.get());
    }

    /** A call of a distance operator between an attribute and a value, as a search of {@code kind}. */
    public Optional<IndexSearch> distanceSearch(RexCall distance, IndexSearch.Kind kind, ValueSource bound) {
        String operator = distance.getOperator().getName().toLowerCase(Locale.ROOT);
        if (OPERATORS.find(operator).isEmpty() || distance.getOperands().size() != 2) {
            return Optional.empty();
        }
        RexNode first = stripCast(distance.getOperands().get(0));
        RexNode second = stripCast(distance.getOperands().get(1));
        for (int flip = 0; flip < 2; flip++) {
            Optional<String> attribute = attribute(flip == 0 ? first : second);
            Optional<ValueSource> argument = value(flip == 0 ? second : first);
            if (attribute.isPresent() && argument.isPresent()) {
                return Optional.of(new IndexSearch(kind, operator, attribute.get(), argument.get(),
                        Optional.of(bound)));
            }
        }
        return Optional.empty();
    }

    /** The attribute a column reference or {@code _doc['name']} reads (as a string, for LIKE). */
    private Optional<String> attribute(RexNode node) {
        RexNode plain = stripCast(node);
        if (plain instanceof RexCall typed && typed.getOperator() == TypedOperators.STRING_OR_NULL) {
            plain = stripCast(typed.getOperands().get(0));
        }
        if (plain instanceof RexInputRef ref) {
            return columnName(ref.getIndex());
        }
        if (plain instanceof RexCall call && call.getKind() == SqlKind.ITEM
                && stripCast(call.getOperands().get(0)) instanceof RexInputRef document
                && document.getIndex() == columns.documentIndex()
                && call.getOperands().get(1) instanceof RexLiteral name && name.getValue() instanceof NlsString text) {
            return Optional.of(text.getValue());
        }
        return Optional.empty();
    }

    private Optional<String> columnName(int index) {
        int document = columns.documentIndex();
        if (index < document) {
            return Optional.of(columns.declared().get(index));
        }
        if (index > document && index - document - 1 < columns.extended().size()) {
            return Optional.of(columns.extended().get(index - document - 1));
        }
        return Optional.empty();
    }

    /** A value known before the read: a literal, a marker, or a list or map built of them. */
    private static Optional<ValueSource> value(RexNode node) {
        RexNode plain = stripCast(node);
        if (plain instanceof RexDynamicParam param) {
            return Optional.of(new ValueSource.Parameter(param.getIndex()));
        }
        if (plain instanceof RexLiteral literal) {
            if (literal.isNull()) {
                return Optional.of(new ValueSource.Literal(null));
            }
            Object value = literal.getValue();
            if (value instanceof NlsString text) {
                return Optional.of(new ValueSource.Literal(text.getValue()));
            }
            if (value instanceof BigDecimal || value instanceof Boolean) {
                return Optional.of(new ValueSource.Literal(value));
            }
            Object number = literal.getValueAs(BigDecimal.class);
            return number == null ? Optional.empty() : Optional.of(new ValueSource.Literal(number));
        }
        if (plain instanceof RexCall call && (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR
                || call.getKind() == SqlKind.MAP_VALUE_CONSTRUCTOR)) {
            List<ValueSource> parts = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
                Optional<ValueSource> part = value(operand);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(part.get());
            }
            return Optional.of(new ValueSource.Constructed(call.getKind() == SqlKind.MAP_VALUE_CONSTRUCTOR, parts));
        }
        return Optional.empty();
    }

    /** {@code LIKE 'abc%'} with no other wildcard is a prefix. */
    private static Optional<String> likePrefix(RexNode pattern) {
        if (!(pattern instanceof RexLiteral literal) || !(literal.getValue() instanceof NlsString nls)) {
            return Optional.empty();
        }
        String text = nls.getValue();
        if (!text.endsWith("%") || text.length() < 2) {
            return Optional.empty();
        }
        String prefix = text.substring(0, text.length() - 1);
        return prefix.contains("%") || prefix.contains("_") || prefix.contains("\\") ? Optional.empty()
                : Optional.of(prefix);
    }

    private static RexNode stripCast(RexNode node) {
        RexNode current = node;
        while (current.getKind() == SqlKind.CAST && current instanceof RexCall cast) {
            current = cast.getOperands().get(0);
        }
        return current;
    }
}
