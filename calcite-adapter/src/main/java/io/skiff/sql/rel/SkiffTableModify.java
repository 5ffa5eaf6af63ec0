package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;

/**
 * INSERT, UPDATE or DELETE of a Skiff table, run by the enumerable engine: the input rows are
 * computed by the plan, then written to the store at once by a {@link TableWriter}.
 */
public final class SkiffTableModify extends TableModify implements EnumerableRel {

    private static final Method APPLY = Types.lookupMethod(TableWriter.class, "apply", Enumerable.class,
            DataContext.class);

    SkiffTableModify(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table, Prepare.CatalogReader catalog,
                     RelNode input, Operation operation, List<String> updateColumnList,
                     List<RexNode> sourceExpressionList, boolean flattened) {
        super(cluster, traitSet, table, catalog, input, operation, updateColumnList, sourceExpressionList, flattened);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SkiffTableModify(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs),
                getOperation(), getUpdateColumnList(), getSourceExpressionList(), isFlattened());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        SkiffTable skiffTable = getTable().unwrap(SkiffTable.class);
        TableWriter writer = new TableWriter(skiffTable.store(), skiffTable.rows(), getOperation(),
                getUpdateColumnList() == null ? List.of() : List.copyOf(getUpdateColumnList()));
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
        BlockBuilder block = new BlockBuilder();
        Expression rows = block.append("rows", input.block);
        Expression arrays = input.physType.getFormat() == JavaRowFormat.ARRAY ? rows
                : input.physType.convertTo(rows, JavaRowFormat.ARRAY);
        Expression writerExpression = implementor.stash(writer, TableWriter.class);
        block.add(Expressions.return_(null, Expressions.call(writerExpression, APPLY, arrays, DataContext.ROOT)));
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
        return implementor.result(physType, block.toBlock());
    }

    /** Creates the enumerable modify of a logical one on a Skiff table. */
    static RelNode of(TableModify logical) {
        return new SkiffTableModify(logical.getCluster(),
                logical.getTraitSet().replace(EnumerableConvention.INSTANCE), logical.getTable(),
                logical.getCatalogReader(),
                RelOptRule.convert(logical.getInput(),
                        logical.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE)),
                logical.getOperation(), logical.getUpdateColumnList(), logical.getSourceExpressionList(),
                logical.isFlattened());
    }
}
