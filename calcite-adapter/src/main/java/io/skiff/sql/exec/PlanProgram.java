package io.skiff.sql.exec;

import io.skiff.sql.rel.MergeUnionRule;
import io.skiff.sql.rel.SkiffRules;
import io.skiff.sql.typing.RuntimeTyping;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * How a statement's logical plan becomes its best plan: Calcite's standard program, with
 * <ol>
 *   <li>the Skiff rules added first (a statement may have no scan to register them), and
 *       Calcite's merge-union rule replaced by {@link MergeUnionRule}, which keeps LIMIT above
 *       UNION DISTINCT;</li>
 *   <li>sub-queries turned into joins, and then run-time typed values handled
 *       ({@link RuntimeTyping}), so that the comparisons sub-queries become are handled too;</li>
 *   <li>MIN and MAX of such values computed in their total order in the chosen plan.</li>
 * </ol>
 */
final class PlanProgram {

    private PlanProgram() {
    }

    static Program create() {
        Program subQueries = Programs.subQuery(DefaultRelMetadataProvider.INSTANCE);
        Program standard = Programs.standard();
        return (planner, rel, traits, materializations, lattices) -> {
            SkiffRules.ALL.forEach(planner::addRule);
            planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_UNION_RULE);
            planner.addRule(MergeUnionRule.INSTANCE);
            // ORDER BY ... LIMIT k keeps the k best rows in a bounded structure instead of sorting them all.
            planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
            RelNode withoutSubQueries = subQueries.run(planner, rel, traits, materializations, lattices);
            RelNode typed = RuntimeTyping.rewrite(withoutSubQueries);
            RelTraitSet required = RuntimeTyping.requiredTraits(traits, withoutSubQueries);
            return RuntimeTyping.finish(standard.run(planner, typed, required, materializations, lattices));
        };
    }
}
