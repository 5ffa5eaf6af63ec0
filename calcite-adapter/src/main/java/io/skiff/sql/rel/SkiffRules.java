package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import io.skiff.sql.schema.TableIndex;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTrait;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.rel.core.RelFactories;

/** The planner rules of the Skiff convention, registered by every Skiff table scan. */
public final class SkiffRules {

    /** Answers key conditions of a filter over a table scan with an access path. */
    public static final RelOptRule KEY_ACCESS = new KeyAccessRule(new RuleConfig(
            b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(SkiffTableScan.class).noInputs()),
            "SkiffKeyAccessRule"));

    /** Answers a distance bound, equality or prefix on an indexed attribute with an index probe. */
    public static final RelOptRule INDEX_ACCESS = new IndexAccessRule(new RuleConfig(
            b0 -> b0.operand(LogicalFilter.class).oneInput(b1 -> b1.operand(SkiffTableScan.class).noInputs()),
            "SkiffIndexAccessRule"));

    /** Reads {@code ORDER BY distance LIMIT k} through an index's nearest candidates. */
    public static final RelOptRule NEAREST = new NearestRule(new RuleConfig(
            b0 -> b0.operand(LogicalSort.class).oneInput(b1 -> b1.operand(LogicalProject.class)
                    .oneInput(b2 -> b2.operand(SkiffTableScan.class).noInputs())),
            "SkiffNearestRule"));

    /** {@link #NEAREST} with a filter between the projection and the scan. */
    public static final RelOptRule NEAREST_FILTERED = new NearestRule(new RuleConfig(
            b0 -> b0.operand(LogicalSort.class).oneInput(b1 -> b1.operand(LogicalProject.class)
                    .oneInput(b2 -> b2.operand(LogicalFilter.class)
                            .oneInput(b3 -> b3.operand(SkiffTableScan.class).noInputs()))),
            "SkiffNearestFilteredRule"));

    /** Hands Skiff reads to the enumerable engine. */
    public static final RelOptRule TO_ENUMERABLE = ConverterRule.Config.INSTANCE
            .withConversion(RelNode.class, SkiffRel.CONVENTION, EnumerableConvention.INSTANCE,
                    "SkiffToEnumerableConverterRule")
            .withRuleFactory(ToEnumerableRule::new)
            .toRule();

    /** Runs INSERT, UPDATE and DELETE of Skiff tables. */
    public static final RelOptRule TABLE_MODIFY = ConverterRule.Config.INSTANCE
            .withConversion(LogicalTableModify.class, modify -> modify.getTable().unwrap(SkiffTable.class) != null,
                    Convention.NONE, EnumerableConvention.INSTANCE, "SkiffTableModifyRule")
            .withRuleFactory(TableModifyRule::new)
            .toRule();

    /** Every Skiff rule; the planner adds them for every statement (INSERT ... VALUES has no scan). */
    public static final List<RelOptRule> ALL = List.of(KEY_ACCESS, INDEX_ACCESS, NEAREST, NEAREST_FILTERED,
            TO_ENUMERABLE, TABLE_MODIFY);

    private SkiffRules() {
    }

    static void register(RelOptPlanner planner) {
        ALL.forEach(planner::addRule);
    }

    /** A filter over a scan of a Skiff table, as both access rules match it, its SEARCHes expanded. */
    private record FilteredScan(LogicalFilter filter, SkiffTableScan scan, SkiffTable table, RexNode condition) {

        static Optional<FilteredScan> of(RelOptRuleCall call) {
            LogicalFilter filter = call.rel(0);
            SkiffTableScan scan = call.rel(1);
            SkiffTable table = scan.getTable().unwrap(SkiffTable.class);
            if (table == null) {
                return Optional.empty();
            }
            RexNode condition = RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null, filter.getCondition());
            return Optional.of(new FilteredScan(filter, scan, table, condition));
        }
    }

    /** Filter(SkiffTableScan) → [Filter(rest)] SkiffAccess(SkiffTableScan). */
    static final class KeyAccessRule extends RelRule<RuleConfig> {

        KeyAccessRule(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Optional<FilteredScan> matched = FilteredScan.of(call);
            if (matched.isEmpty()) {
                return;
            }
            LogicalFilter filter = matched.get().filter();
            SkiffTableScan scan = matched.get().scan();
            SkiffTable table = matched.get().table();
            RexNode condition = matched.get().condition();
            Optional<KeyConditionTranslator.Translation> translation =
                    new KeyConditionTranslator(table.columns(), filter.getCluster().getRexBuilder()).translate(condition);
            if (translation.isEmpty()) {
                return;
            }
            KeyConditionTranslator.Translation found = translation.get();
            SkiffAccess access = new SkiffAccess(filter.getCluster(), scan.getTraitSet(), scan, found.pushed(),
                    found.path());
            call.transformTo(withRemainder(filter, access, found.remainder()));
            if (!access.getTraitSet().getCollation().getFieldCollations().isEmpty()) {
                // The same range read backwards: ORDER BY the sort key DESC then needs no sort.
                call.transformTo(withRemainder(filter, access.reversed(), found.remainder()));
            }
        }

        private static RelNode withRemainder(LogicalFilter filter, SkiffAccess access, RexNode remainder) {
            return remainder.isAlwaysTrue() ? access
                    : filter.copy(filter.getTraitSet().replace((RelTrait) access.getTraitSet().getCollation()), access, remainder);
        }
    }

    /**
     * Filter(SkiffTableScan) → Filter(condition) SkiffAccess(index probe, SkiffTableScan): the
     * whole condition stays above the probe, because an index offers candidates, not answers.
     */
    static final class IndexAccessRule extends RelRule<RuleConfig> {

        IndexAccessRule(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Optional<FilteredScan> matched = FilteredScan.of(call);
            List<TableIndex> indexes = matched.map(found -> found.table().indexes()).orElse(List.of());
            if (indexes.isEmpty()) {
                return;
            }
            LogicalFilter filter = matched.get().filter();
            SkiffTableScan scan = matched.get().scan();
            for (AccessPath path : new IndexConditionTranslator(matched.get().table().columns(), indexes)
                    .translate(matched.get().condition())) {
                if (!IndexHints.allows(scan.getHints(), path)) {
                    continue;
                }
                SkiffIndexAccess access = new SkiffIndexAccess(filter.getCluster(), scan.getTraitSet(), scan, path);
                call.transformTo(filter.copy(filter.getTraitSet(), access, filter.getCondition()));
            }
        }
    }

    static final class TableModifyRule extends ConverterRule {
        TableModifyRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return SkiffTableModify.of((LogicalTableModify) rel);
        }
    }

    static final class ToEnumerableRule extends ConverterRule {
        ToEnumerableRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return new SkiffToEnumerableConverter(rel.getCluster(),
                    rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
        }
    }

    /** A rule configuration written out by hand, so the build needs no annotation processor. */
    record RuleConfig(RelRule.OperandTransform operandSupplier, String description, RelBuilderFactory relBuilderFactory)
            implements RelRule.Config {

        RuleConfig(RelRule.OperandTransform operandSupplier, String description) {
            this(operandSupplier, description, RelFactories.LOGICAL_BUILDER);
        }

        @Override
        public RelOptRule toRule() {
            throw new IllegalStateException("Skiff rules are created directly, not from their configuration");
        }

        @Override
        public RelRule.Config withRelBuilderFactory(RelBuilderFactory factory) {
            return new RuleConfig(operandSupplier, description, factory);
        }

        @Override
        public RelRule.Config withDescription(String newDescription) {
            return new RuleConfig(operandSupplier, newDescription, relBuilderFactory);
        }

        @Override
        public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
            return new RuleConfig(transform, description, relBuilderFactory);
        }
    }
}
