package io.skiff.sql.exec;

import io.skiff.sql.rel.MergeUnionRule;
import io.skiff.sql.rel.SkiffRules;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * How a statement's logical plan becomes its best plan: Calcite's standard program, with the
 * Skiff rules added first (a statement may have no scan to register them), and Calcite's
 * merge-union rule replaced by {@link MergeUnionRule}, which keeps LIMIT above UNION DISTINCT.
 */
final class PlanProgram {

    private PlanProgram() {
    }

    static Program create() {
        Program standard = Programs.standard();
        return (planner, rel, traits, materializations, lattices) -> {
            SkiffRules.ALL.forEach(planner::addRule);
            planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_UNION_RULE);
            planner.addRule(MergeUnionRule.INSTANCE);
            return standard.run(planner, rel, traits, materializations, lattices);
        };
    }
}
