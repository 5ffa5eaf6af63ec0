package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Hands the rows of a Skiff read to the enumerable engine. The generated code calls one
 * {@link TableReader}, stashed as a plan parameter, so no per-statement lookup by name remains.
 */
public final class SkiffToEnumerableConverter extends ConverterImpl implements EnumerableRel {

    SkiffToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SkiffToEnumerableConverter(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return super.computeSelfCost(planner, mq).multiplyBy(0.1);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        SkiffRel.Implementor read = new SkiffRel.Implementor();
        read.visitChild(getInput());
        SkiffTable table = read.table;
        TableReader reader = table.reader(read.path);
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression readerExpression = implementor.stash(reader, TableReader.class);
        BlockBuilder block = new BlockBuilder();
        block.add(Expressions.return_(null, Expressions.call(readerExpression, "read", DataContext.ROOT)));
        return implementor.result(physType, block.toBlock());
    }
}
