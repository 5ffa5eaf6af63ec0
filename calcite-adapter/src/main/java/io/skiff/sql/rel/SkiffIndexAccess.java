package io.skiff.sql.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * A read of a table through a secondary index ({@link AccessPath.IndexProbe}) or guarded by a
 * filter index ({@link AccessPath.FilterGuard}). It claims no predicate about its rows, unlike
 * {@link SkiffAccess}: candidates are a superset of the matches, so the filter that selects them
 * stays above it, and the planner must not think it redundant. Its row estimate is the index's
 * expected candidates, which is what makes it cheaper than a scan on a large table. (Not a
 * {@code SingleRel}: Calcite's row-count metadata gives a single-input node its input's count.)
 */
public final class SkiffIndexAccess extends AbstractRelNode implements SkiffRel {

    private RelNode input;
    private final AccessPath path;

    SkiffIndexAccess(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, AccessPath path) {
        super(cluster, traitSet);
        this.input = input;
        this.path = path;
    }

    public RelNode getInput() {
        return input;
    }

    @Override
    public List<RelNode> getInputs() {
        return List.of(input);
    }

    @Override
    public void replaceInput(int ordinalInParent, RelNode p) {
        this.input = p;
        recomputeDigest();
    }

    @Override
    protected RelDataType deriveRowType() {
        return input.getRowType();
    }

    /** An index read of the table {@code scan} reads, for a plan built outside Calcite's rules (PartiQL). */
    public static SkiffIndexAccess over(RelNode scan, AccessPath path) {
        return new SkiffIndexAccess(scan.getCluster(), scan.getTraitSet(), scan, path);
    }

    public AccessPath path() {
        return path;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SkiffIndexAccess(getCluster(), traitSet, inputs.get(0), path);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double rows = mq.getRowCount(getInput());
        return Math.max(1, rows * path.costFactor(rows));
    }

    /**
     * A probe costs the candidates it reads; a guard one membership check, its rows being those of
     * the scan it lets through (on average, half: it often spares the whole scan).
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = path instanceof AccessPath.FilterGuard ? 1 : estimateRowCount(mq);
        return planner.getCostFactory().makeCost(rows, rows, 0);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).input("input", input).item("access", path.describe());
    }

    @Override
    public void implement(Implementor implementor) {
        implementor.visitChild(getInput());
        implementor.path = path;
    }
}
