package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** A full scan of a Skiff table; the starting point the access-path rules improve on. */
public final class SkiffTableScan extends TableScan implements SkiffRel {

    private final SkiffTable skiffTable;

    public SkiffTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, SkiffTable skiffTable) {
        this(cluster, traitSet, List.of(), table, skiffTable);
    }

    /** A scan carrying the statement's hints (see {@link IndexHints}). */
    public SkiffTableScan(RelOptCluster cluster, RelTraitSet traitSet, List<RelHint> hints, RelOptTable table,
                          SkiffTable skiffTable) {
        super(cluster, traitSet, hints, table);
        this.skiffTable = skiffTable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SkiffTableScan(getCluster(), traitSet, getHints(), table, skiffTable);
    }

    @Override
    public RelNode withHints(List<RelHint> hintList) {
        return new SkiffTableScan(getCluster(), traitSet, hintList, table, skiffTable);
    }

    @Override
    public void register(RelOptPlanner planner) {
        SkiffRules.register(planner);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // Every row is read and decoded: more per row than an in-memory scan.
        return super.computeSelfCost(planner, mq).multiplyBy(2);
    }

    @Override
    public void implement(Implementor implementor) {
        implementor.table = skiffTable;
    }
}
