package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.PartiQLFunction;
import io.skiff.parser.partiql.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The top-level conjuncts of a WHERE clause, sorted into key terms (what a key access path can
 * answer) and the rest. A key term compares a key attribute with a literal or a parameter; a
 * literal of another type than the key's is refused here, a parameter when it is bound.
 *
 * <p>Sort-key terms count only when a partition-key term fixes the partitions, as in DynamoDB,
 * where a sort-key condition narrows a query but never makes a scan one.
 */
final class WhereClause {

    /** Most partition key values one {@code IN} may name, as in DynamoDB. */
    static final int MAX_PARTITION_VALUES = 50;

    private final List<Expr> conjuncts;
    private final List<KeyTerm> keyTerms;
    private final List<Expr> others;

    private WhereClause(List<Expr> conjuncts, List<KeyTerm> keyTerms, List<Expr> others) {
        this.conjuncts = List.copyOf(conjuncts);
        this.keyTerms = List.copyOf(keyTerms);
        this.others = List.copyOf(others);
    }

    /** The analysis of a WHERE clause (none: no conjuncts) for a table. */
    static WhereClause of(Optional<Expr> where, TableSchema schema) {
        List<Expr> conjuncts = where.map(WhereClause::conjunctsOf).orElse(List.of());
        List<KeyTerm> keyTerms = new ArrayList<>();
        List<Expr> others = new ArrayList<>();
        List<Expr> candidates = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            Optional<KeyTerm> partition = partitionTerm(conjunct, schema.partitionKey());
            if (partition.isPresent()) {
                keyTerms.add(partition.get());
            } else {
                candidates.add(conjunct);
            }
        }
        boolean partitionFixed = !keyTerms.isEmpty();
        for (Expr conjunct : candidates) {
            Optional<KeyTerm> sort = partitionFixed && schema.sortKey().isPresent()
                    ? sortTerm(conjunct, schema.sortKey().get()) : Optional.empty();
            if (sort.isPresent()) {
                keyTerms.add(sort.get());
            } else {
                others.add(conjunct);
            }
        }
        return new WhereClause(conjuncts, keyTerms, others);
    }

    private static List<Expr> conjunctsOf(Expr where) {
        return where instanceof Expr.And and ? and.operands() : List.of(where);
    }

    /** Every top-level conjunct, in text order. */
    List<Expr> conjuncts() {
        return conjuncts;
    }

    /** The conjuncts a key access path may answer. */
    List<KeyTerm> keyTerms() {
        return keyTerms;
    }

    /** The conjuncts no key access path answers. */
    List<Expr> others() {
        return others;
    }

    /** The partition-key term that fixes one partition with {@code =}, if any. */
    Optional<KeyTerm.Partition> partitionEquality() {
        return keyTerms.stream().filter(t -> t instanceof KeyTerm.Partition p && p.isEquality())
                .map(KeyTerm.Partition.class::cast).findFirst();
    }

    /**
     * The item a write's WHERE names: {@code pk = v} and, for a table with a sort key,
     * {@code sk = w}; every other conjunct is the write's condition.
     */
    Optional<FullKey> fullKey(TableSchema schema) {
        Optional<KeyTerm.Partition> partition = partitionEquality();
        if (partition.isEmpty()) {
            return Optional.empty();
        }
        Optional<KeyTerm.SortComparison> sort = keyTerms.stream()
                .filter(t -> t instanceof KeyTerm.SortComparison c && c.operator() == ComparisonOperator.EQ)
                .map(KeyTerm.SortComparison.class::cast).findFirst();
        if (schema.sortKey().isPresent() && sort.isEmpty()) {
            return Optional.empty();
        }
        List<Expr> rest = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            if (conjunct != partition.get().source() && (sort.isEmpty() || conjunct != sort.get().source())) {
                rest.add(conjunct);
            }
        }
        List<KeyTerm> terms = new ArrayList<>();
        terms.add(partition.get());
        sort.ifPresent(terms::add);
        return Optional.of(new FullKey(partition.get().values().get(0), sort.map(KeyTerm.SortComparison::value),
                rest, terms));
    }

    /**
     * The key values a statement names for one item, and the conjuncts that remain its condition.
     *
     * @param terms the key terms that name the item, for planning its point get
     */
    record FullKey(Expr partition, Optional<Expr> sort, List<Expr> condition, List<KeyTerm> terms) {
    }

    // ------------------------------------------------------------------ classification

    private static Optional<KeyTerm> partitionTerm(Expr conjunct, KeyAttribute key) {
        if (conjunct instanceof Expr.Comparison comparison && comparison.operator() == ComparisonOperator.EQ) {
            return keyValue(comparison, key).map(value -> new KeyTerm.Partition(List.of(value), conjunct));
        }
        if (conjunct instanceof Expr.In in && isKey(in.operand(), key)
                && in.candidates().stream().allMatch(WhereClause::isKeyValue)) {
            if (in.candidates().size() > MAX_PARTITION_VALUES) {
                throw in.position().invalid("IN accepts at most " + MAX_PARTITION_VALUES
                        + " values of the partition key '" + key.name() + "'; this list has " + in.candidates().size());
            }
            in.candidates().forEach(value -> checkLiteralType(value, key));
            return Optional.of(new KeyTerm.Partition(in.candidates(), conjunct));
        }
        if (conjunct instanceof Expr.Or or) {
            List<Expr> values = new ArrayList<>();
            for (Expr disjunct : or.operands()) {
                Optional<Expr> value = disjunct instanceof Expr.Comparison c && c.operator() == ComparisonOperator.EQ
                        ? keyValue(c, key) : Optional.empty();
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.add(value.get());
            }
            return Optional.of(new KeyTerm.Partition(values, conjunct));
        }
        return Optional.empty();
    }

    private static Optional<KeyTerm> sortTerm(Expr conjunct, KeyAttribute key) {
        if (conjunct instanceof Expr.Comparison comparison && comparison.operator() != ComparisonOperator.NE) {
            boolean flipped = !isKey(comparison.left(), key);
            return keyValue(comparison, key).map(value -> new KeyTerm.SortComparison(
                    flipped ? flip(comparison.operator()) : comparison.operator(), value, conjunct));
        }
        if (conjunct instanceof Expr.Between between && isKey(between.operand(), key)
                && isKeyValue(between.low()) && isKeyValue(between.high())) {
            checkLiteralType(between.low(), key);
            checkLiteralType(between.high(), key);
            return Optional.of(new KeyTerm.SortBetween(between.low(), between.high(), conjunct));
        }
        if (conjunct instanceof Expr.Call call && call.function() == PartiQLFunction.BEGINS_WITH
                && isKey(call.arguments().get(0), key) && isKeyValue(call.arguments().get(1))
                && (key.type() == AttributeType.S || key.type() == AttributeType.B)) {
            checkLiteralType(call.arguments().get(1), key);
            return Optional.of(new KeyTerm.SortPrefix(call.arguments().get(1), conjunct));
        }
        return Optional.empty();
    }

    /** The value of {@code key = v} or {@code v = key} (any operator), checked, or empty. */
    private static Optional<Expr> keyValue(Expr.Comparison comparison, KeyAttribute key) {
        Expr value;
        if (isKey(comparison.left(), key) && isKeyValue(comparison.right())) {
            value = comparison.right();
        } else if (isKey(comparison.right(), key) && isKeyValue(comparison.left())) {
            value = comparison.left();
        } else {
            return Optional.empty();
        }
        checkLiteralType(value, key);
        return Optional.of(value);
    }

    private static boolean isKey(Expr expr, KeyAttribute key) {
        return expr instanceof Expr.PathRef ref && ref.path().isTopLevel() && ref.path().topName().equals(key.name());
    }

    private static boolean isKeyValue(Expr expr) {
        return expr instanceof Expr.Literal || expr instanceof Expr.Parameter;
    }

    /** A literal compared with a key must have the key's type: DynamoDB refuses the statement. */
    private static void checkLiteralType(Expr value, KeyAttribute key) {
        if (value instanceof Expr.Literal literal && literal.value().type() != key.type()) {
            throw keyTypeMismatch(key, literal.value().type(), "the value", literal.position());
        }
    }

    static SkiffException keyTypeMismatch(KeyAttribute key, AttributeType given, String what, Position position) {
        return position.invalid("Key attribute '" + key.name() + "' has type " + key.type() + " but " + what
                + " compared with it has type " + given);
    }

    private static ComparisonOperator flip(ComparisonOperator operator) {
        return switch (operator) {
            case LT -> ComparisonOperator.GT;
            case LE -> ComparisonOperator.GE;
            case GT -> ComparisonOperator.LT;
            case GE -> ComparisonOperator.LE;
            default -> operator;
        };
    }
}
