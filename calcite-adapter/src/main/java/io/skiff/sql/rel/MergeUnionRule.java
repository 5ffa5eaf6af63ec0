package io.skiff.sql.rel;

import org.apache.calcite.adapter.enumerable.EnumerableMergeUnionRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Union;

/**
 * Calcite's {@link EnumerableMergeUnionRule} (a sorted UNION as a merge of sorted inputs) with
 * its bug fixed: Calcite 1.40 also hands a LIMIT to every input of a UNION DISTINCT, but an
 * input's first n rows may hold duplicates, so the union then has fewer than n distinct rows
 * ({@code SELECT … UNION SELECT … ORDER BY x LIMIT n} lost rows). This rule leaves a sort with
 * a LIMIT over UNION DISTINCT alone; Calcite then sorts the distinct union and limits it.
 */
public final class MergeUnionRule extends EnumerableMergeUnionRule {

    /** Replaces {@code EnumerableRules.ENUMERABLE_MERGE_UNION_RULE} in every Skiff planner. */
    public static final MergeUnionRule INSTANCE = new MergeUnionRule();

    private MergeUnionRule() {
        super(EnumerableMergeUnionRule.Config.DEFAULT_CONFIG.withDescription("SkiffMergeUnionRule")
                .as(EnumerableMergeUnionRule.Config.class));
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        Union union = call.rel(1);
        return super.matches(call) && (union.all || sort.fetch == null);
    }
}
