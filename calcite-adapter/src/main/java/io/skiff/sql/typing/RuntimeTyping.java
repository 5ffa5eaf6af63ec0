package io.skiff.sql.typing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The plan-time half of run-time typing (decision 006): after a statement is converted to
 * relational algebra and before it is optimized, every place where a value typed at run time
 * (SQL type ANY) meets an operation that Calcite would compile for one Java type gets Skiff's
 * operators instead. Each rewrite keeps the row types of the plan unchanged.
 *
 * <ul>
 *   <li>Expressions: comparisons, LIKE and typed function arguments ({@link TypedExpressions}).</li>
 *   <li>Aggregates: SUM, AVG and the other numeric aggregates read {@code NUMBER_VALUE(x)};
 *       MIN and MAX of ANY values use the total order ({@link ValueExtremes}; see {@link #finish}).</li>
 *   <li>Sorts: a sort key of type ANY becomes {@code ORDER_KEY(x)}, which sorts by the total
 *       order of {@link ValueOrder} (nulls as NULLS FIRST/LAST says).</li>
 * </ul>
 */
public final class RuntimeTyping {

    /** Aggregates that need numbers. */
    static final Set<SqlKind> NUMERIC_AGGREGATES = Set.of(SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG,
            SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);

    private RuntimeTyping() {
    }

    /** The plan with run-time typed values handled; the same plan when it has none. */
    public static RelNode rewrite(RelNode plan) {
        return plan.accept(new Shuttle());
    }

    /**
     * The traits to ask of the rewritten plan: without the statement's ORDER BY collation when
     * that orders by an ANY column. The plan's own sort (by {@code ORDER_KEY}) then orders the
     * rows, in a way the planner cannot see; asked for the collation, it would sort again, by
     * Calcite's comparison, which fails on mixed types.
     *
     * @param plan the plan before {@link #rewrite}, whose (possibly projected) top sort the
     *     collation describes
     */
    public static RelTraitSet requiredTraits(RelTraitSet traits, RelNode plan) {
        RelCollation collation = traits.getCollation();
        if (collation == null || collation.getFieldCollations().isEmpty()) {
            return traits;
        }
        RelNode top = plan;
        while (top instanceof Project project) {
            top = project.getInput();
        }
        if (top instanceof Sort sort) {
            List<RelDataTypeField> fields = sort.getRowType().getFieldList();
            for (RelFieldCollation field : sort.getCollation().getFieldCollations()) {
                if (isAny(fields.get(field.getFieldIndex()).getType())) {
                    return traits.replace(RelCollations.EMPTY);
                }
            }
        }
        return traits;
    }

    static boolean isAny(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ANY;
    }

    private static final class Shuttle extends RelHomogeneousShuttle {
        @Override
        public RelNode visit(RelNode other) {
            RelNode rel = super.visit(other);
            rel = rel.accept(new TypedExpressions(rel));
            if (rel instanceof Sort sort) {
                return sortedByOrderKeys(sort);
            }
            if (rel instanceof Aggregate aggregate) {
                return typedAggregate(aggregate);
            }
            return rel;
        }
    }

    /** Sort(x: ANY) becomes Project(Sort(Project(x, ORDER_KEY(x)) by the key)), same rows and row type. */
    private static RelNode sortedByOrderKeys(Sort sort) {
        RelNode input = sort.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rexBuilder = sort.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
        List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
        List<RelFieldCollation> collations = new ArrayList<>();
        for (RelFieldCollation field : sort.getCollation().getFieldCollations()) {
            if (isAny(fields.get(field.getFieldIndex()).getType())) {
                RexNode key = rexBuilder.makeCall(TypedOperators.ORDER_KEY,
                        RexInputRef.of(field.getFieldIndex(), input.getRowType()));
                collations.add(field.withFieldIndex(projects.size()));
                projects.add(key);
                names.add("$order" + field.getFieldIndex());
            } else {
                collations.add(field);
            }
        }
        if (projects.size() == fields.size()) {
            return sort;
        }
        RelNode keyed = LogicalProject.create(input, List.of(), projects, names, Set.of());
        RelNode sorted = LogicalSort.create(keyed, RelCollations.of(collations), sort.offset, sort.fetch);
        return LogicalProject.create(sorted, List.of(), rexBuilder.identityProjects(input.getRowType()),
                input.getRowType().getFieldNames(), Set.of());
    }

    /** Numeric aggregates of ANY values read NUMBER_VALUE(value). */
    private static RelNode typedAggregate(Aggregate aggregate) {
        RelNode input = aggregate.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        List<RexNode> numbers = new ArrayList<>();
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            SqlKind kind = call.getAggregation().getKind();
            boolean anyArgument = call.getArgList().stream().anyMatch(i -> isAny(fields.get(i).getType()));
            if (anyArgument && NUMERIC_AGGREGATES.contains(kind)) {
                List<Integer> args = new ArrayList<>();
                for (int arg : call.getArgList()) {
                    if (isAny(fields.get(arg).getType())) {
                        numbers.add(rexBuilder.makeCall(TypedOperators.NUMBER, RexInputRef.of(arg, input.getRowType()),
                                rexBuilder.makeLiteral(labelOfField(input, arg))));
                        args.add(fields.size() + numbers.size() - 1);
                    } else {
                        args.add(arg);
                    }
                }
                calls.add(call.copy(args, call.filterArg, call.distinctKeys, call.collation));
                changed = true;
            } else {
                calls.add(call);
            }
        }
        if (!changed) {
            return aggregate;
        }
        RelNode newInput = input;
        if (!numbers.isEmpty()) {
            List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
            List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
            for (int i = 0; i < numbers.size(); i++) {
                projects.add(numbers.get(i));
                names.add("$number" + i);
            }
            newInput = LogicalProject.create(input, List.of(), projects, names, Set.of());
        }
        return aggregate.copy(aggregate.getTraitSet(), newInput, aggregate.getGroupSet(), aggregate.getGroupSets(),
                calls);
    }

    /**
     * The chosen plan with MIN and MAX of ANY values computed in the total order. This is done
     * on the chosen plan because the planner itself creates such aggregates (to expand
     * COUNT(DISTINCT x) beside other aggregates, it takes the MIN of their partial results).
     */
    public static RelNode finish(RelNode best) {
        return best.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode rel = super.visit(other);
                return rel instanceof Aggregate aggregate ? extremesInTotalOrder(aggregate) : rel;
            }
        });
    }

    private static RelNode extremesInTotalOrder(Aggregate aggregate) {
        List<RelDataTypeField> fields = aggregate.getInput().getRowType().getFieldList();
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : aggregate.getAggCallList()) {
            SqlKind kind = call.getAggregation().getKind();
            if ((kind == SqlKind.MIN || kind == SqlKind.MAX) && call.getArgList().size() == 1
                    && isAny(fields.get(call.getArgList().get(0)).getType())) {
                calls.add(AggregateCall.create(kind == SqlKind.MIN ? TypedOperators.MIN : TypedOperators.MAX,
                        call.isDistinct(), call.isApproximate(), call.ignoreNulls(), call.rexList, call.getArgList(),
                        call.filterArg, call.distinctKeys, call.collation, call.getType(), call.getName()));
                changed = true;
            } else {
                calls.add(call);
            }
        }
        return changed ? aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls) : aggregate;
    }

    /** The label of an input field: the expression a projection computes it with, if there is one. */
    private static String labelOfField(RelNode input, int field) {
        if (input instanceof Project project) {
            return Labels.of(project.getProjects().get(field), project.getInput().getRowType().getFieldNames());
        }
        return Labels.of(RexInputRef.of(field, input.getRowType()), input.getRowType().getFieldNames());
    }

    /** The names of the fields an operator's expressions refer to: its inputs' fields, side by side. */
    static List<String> inputFieldNames(RelNode rel) {
        List<String> names = new ArrayList<>();
        for (RelNode input : rel.getInputs()) {
            names.addAll(input.getRowType().getFieldNames());
        }
        return names;
    }
}
