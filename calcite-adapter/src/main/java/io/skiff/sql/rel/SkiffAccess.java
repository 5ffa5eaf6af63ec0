package io.skiff.sql.rel;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * The key conditions of a filter, answered by the store through an access path (point get,
 * multi-get or range scan) instead of by filtering a full scan. {@code condition} holds the
 * conjuncts the access path answers exactly; the rest stays in a filter above.
 */
public final class SkiffAccess extends Filter implements SkiffRel {

    /** The sort key is the second column of a table that has one. */
    static final int SORT_KEY_COLUMN = 1;

    private final AccessPath path;

    public SkiffAccess(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, RexNode condition,
                       AccessPath path) {
        super(cluster, traitSet.replace(collationOf(path)), input, condition);
        this.path = path;
    }

    /** A one-partition range scan returns its rows in sort-key order, which spares a sort. */
    static RelCollation collationOf(AccessPath path) {
        if (path instanceof AccessPath.RangeScan range && range.partitionKeys().size() == 1) {
            return RelCollations.of(new RelFieldCollation(SORT_KEY_COLUMN,
                    range.descending() ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING));
        }
        return RelCollations.EMPTY;
    }

    /** The same access in the other sort-key direction. */
    SkiffAccess reversed() {
        return new SkiffAccess(getCluster(), getTraitSet(), getInput(), condition,
                ((AccessPath.RangeScan) path).reversed());
    }

    public AccessPath path() {
        return path;
    }

    @Override
    public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
        return new SkiffAccess(getCluster(), traitSet, input, condition, path);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return super.computeSelfCost(planner, mq).multiplyBy(path.costFactor(mq.getRowCount(getInput())));
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.max(1, mq.getRowCount(getInput()) * path.costFactor(mq.getRowCount(getInput())));
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("access", path.describe());
    }

    @Override
    public void implement(Implementor implementor) {
        implementor.visitChild(getInput());
        implementor.path = path;
    }
}
