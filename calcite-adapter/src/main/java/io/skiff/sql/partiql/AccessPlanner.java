package io.skiff.sql.partiql;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import io.skiff.parser.partiql.Expr;
import io.skiff.sql.exec.StatementPlanner;
import io.skiff.sql.rel.AccessPath;
import io.skiff.sql.rel.SkiffAccess;
import io.skiff.sql.rel.SkiffIndexAccess;
import io.skiff.sql.rel.SkiffTableScan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * Chooses the access path of a PartiQL read with the SQL planner. The key terms of the WHERE
 * clause become the typed calls the Skiff rules understand (literal keys as typed literals,
 * {@code ?} as dynamic parameters) in a filter over the table's scan; Calcite's program and the
 * Skiff rules then pick a point get, multi-get, range scan or full scan exactly as they do for
 * SQL. The rest of the WHERE clause never reaches Calcite: it keeps DynamoDB's semantics in
 * {@code core}'s conditions.
 */
final class AccessPlanner {

    private static final int PARTITION_KEY = 0;
    private static final int SORT_KEY = 1;

    private final StatementPlanner planner;

    AccessPlanner(StatementPlanner planner) {
        this.planner = planner;
    }

    /**
     * The planned read.
     *
     * @param parameterCount the statement's own parameters; key literals that cannot be SQL
     *                       literals become hidden parameters numbered after them
     * @param descending present when the result must be in sort-key order (true: descending)
     */
    PlannedRead plan(TableSchema schema, List<KeyTerm> terms, int parameterCount, Optional<Boolean> descending) {
        List<AttributeValue> hidden = new ArrayList<>();
        RelCollation collation = descending.filter(d -> schema.sortKey().isPresent())
                .map(d -> RelCollations.of(new RelFieldCollation(SORT_KEY, d
                        ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING)))
                .orElse(RelCollations.EMPTY);
        RelNode best = planner.optimize(schema.name(), builder -> {
            Lowering lowering = new Lowering(builder, schema, parameterCount, hidden);
            List<RexNode> conditions = terms.stream().map(lowering::lower).toList();
            if (!conditions.isEmpty()) {
                builder.filter(conditions);
            }
            if (!collation.getFieldCollations().isEmpty()) {
                builder.sort(descending.get() ? builder.desc(builder.field(SORT_KEY)) : builder.field(SORT_KEY));
            }
            return builder.build();
        }, collation);
        return PlannedRead.of(best, hidden, descending);
    }

    /** The key terms as Calcite expressions over the table's columns. */
    private static final class Lowering {
        private final RelBuilder builder;
        private final RexBuilder rex;
        private final TableSchema schema;
        private final int parameterCount;
        private final List<AttributeValue> hidden;

        Lowering(RelBuilder builder, TableSchema schema, int parameterCount, List<AttributeValue> hidden) {
            this.builder = builder;
            this.rex = builder.getRexBuilder();
            this.schema = schema;
            this.parameterCount = parameterCount;
            this.hidden = hidden;
        }

        RexNode lower(KeyTerm term) {
            if (term instanceof KeyTerm.Partition partition) {
                List<RexNode> equalities = new ArrayList<>();
                for (Expr value : partition.values()) {
                    equalities.add(call(SqlStdOperatorTable.EQUALS, PARTITION_KEY, value));
                }
                return equalities.size() == 1 ? equalities.get(0) : builder.or(equalities);
            }
            if (term instanceof KeyTerm.SortComparison comparison) {
                SqlOperator operator = switch (comparison.operator()) {
                    case EQ -> SqlStdOperatorTable.EQUALS;
                    case LT -> SqlStdOperatorTable.LESS_THAN;
                    case LE -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
                    case GT -> SqlStdOperatorTable.GREATER_THAN;
                    case GE -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
                    case NE -> throw new IllegalStateException("<> is never a key term");
                };
                return call(operator, SORT_KEY, comparison.value());
            }
            if (term instanceof KeyTerm.SortBetween between) {
                return builder.and(call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, SORT_KEY, between.low()),
                        call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SORT_KEY, between.high()));
            }
            return call(SqlLibraryOperators.STARTS_WITH, SORT_KEY, ((KeyTerm.SortPrefix) term).prefix());
        }

        private RexNode call(SqlOperator operator, int column, Expr value) {
            RexNode field = builder.field(column);
            return rex.makeCall(operator, field, value(value, field.getType(), keyOf(column)));
        }

        private KeyAttribute keyOf(int column) {
            return column == PARTITION_KEY ? schema.partitionKey() : schema.sortKey().orElseThrow();
        }

        /** A key value: a dynamic parameter, a typed literal, or a hidden parameter holding the literal. */
        private RexNode value(Expr value, RelDataType type, KeyAttribute key) {
            if (value instanceof Expr.Parameter parameter) {
                return rex.makeDynamicParam(type, parameter.index());
            }
            AttributeValue literal = ((Expr.Literal) value).value();
            Optional<RexNode> sqlLiteral = sqlLiteral(literal, type);
            if (sqlLiteral.isPresent()) {
                return sqlLiteral.get();
            }
            hidden.add(literal);
            return rex.makeDynamicParam(type, parameterCount + hidden.size() - 1);
        }

        /**
         * The literal as a SQL literal of the column's type, when SQL can hold it exactly: strings
         * in the SQL character set, numbers within the column's precision and scale.
         */
        private Optional<RexNode> sqlLiteral(AttributeValue literal, RelDataType type) {
            try {
                if (literal instanceof StringValue s) {
                    return Optional.of(rex.makeLiteral(s.value(), type, false));
                }
                if (literal instanceof NumberValue n) {
                    BigDecimal number = n.value().stripTrailingZeros();
                    number = number.setScale(Math.max(0, number.scale()));
                    int integerDigits = number.precision() - number.scale();
                    if (number.scale() <= type.getScale() && integerDigits <= type.getPrecision() - type.getScale()) {
                        // Typed by its own digits, so that EXPLAIN shows the number as written.
                        boolean wholeLong = number.scale() == 0 && number.unscaledValue().bitLength() < Long.SIZE;
                        return Optional.of(wholeLong || number.scale() > 0 ? rex.makeExactLiteral(number)
                                : rex.makeExactLiteral(number, rex.getTypeFactory().createSqlType(
                                        SqlTypeName.DECIMAL, number.precision(), 0)));
                    }
                }
            } catch (RuntimeException e) {
                // Not representable as a SQL literal (e.g. outside SQL's character set): a hidden parameter.
            }
            return Optional.empty();
        }
    }

    /**
     * The outcome of planning a read.
     *
     * @param path the access path, or empty when the planner proved the result empty
     * @param accessRel the Skiff part of the chosen plan (the access and the scan), for EXPLAIN
     * @param exact whether the access path answers the key terms exactly; when not, every
     *              conjunct is evaluated on the items it reads
     * @param hidden values of the hidden parameters, numbered after the statement's own
     */
    record PlannedRead(Optional<AccessPath> path, RelNode accessRel, boolean exact, List<AttributeValue> hidden) {

        /** This full scan read through a secondary index instead; every conjunct is then evaluated. */
        PlannedRead through(AccessPath index) {
            return new PlannedRead(Optional.of(index), SkiffIndexAccess.over(accessRel, index), false, hidden);
        }

        static PlannedRead of(RelNode best, List<AttributeValue> hidden, Optional<Boolean> descending) {
            boolean exact = true;
            RelNode node = best;
            while (true) {
                if (node instanceof SkiffAccess access) {
                    SkiffAccess ordered = inDirection(access, descending);
                    return new PlannedRead(Optional.of(ordered.path()), ordered, exact, List.copyOf(hidden));
                }
                if (node instanceof SkiffTableScan scan) {
                    return new PlannedRead(Optional.of(new AccessPath.FullScan()), scan, exact, List.copyOf(hidden));
                }
                if (node instanceof Values) {
                    return new PlannedRead(Optional.empty(), node, true, List.copyOf(hidden));
                }
                if ((node instanceof Calc calc && calc.getProgram().getCondition() != null) || node instanceof Filter) {
                    exact = false;
                }
                if (node.getInputs().size() != 1) {
                    throw new IllegalStateException("Unexpected plan for a PartiQL read: " + best.explain());
                }
                node = node.getInput(0);
            }
        }

        /** The access reading in the order ORDER BY asks for; the rules offer both directions. */
        private static SkiffAccess inDirection(SkiffAccess access, Optional<Boolean> descending) {
            if (descending.isEmpty() || !(access.path() instanceof AccessPath.RangeScan range)
                    || range.descending() == descending.get()) {
                return access;
            }
            AccessPath.RangeScan turned = new AccessPath.RangeScan(range.partitionKeys(), range.sortRange(),
                    descending.get());
            return new SkiffAccess(access.getCluster(), access.getTraitSet(), access.getInput(), access.getCondition(),
                    turned);
        }
    }
}
