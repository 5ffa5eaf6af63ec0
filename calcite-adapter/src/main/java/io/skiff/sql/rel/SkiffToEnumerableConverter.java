package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import io.skiff.sql.schema.TableColumns;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.RelWriter;
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

    /** The attributes to decode, set by {@link AttributeUsage} after planning; null for all. */
    private Set<String> decodedAttributes;

    SkiffToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SkiffToEnumerableConverter(getCluster(), traitSet, sole(inputs));
    }

    /** The columns of the table this converter reads. */
    TableColumns columns() {
        SkiffRel.Implementor read = new SkiffRel.Implementor();
        read.visitChild(getInput());
        return read.table.columns();
    }

    /** Decode only these attributes (plus the key) of each item. */
    void decodeOnly(Set<String> attributes) {
        this.decodedAttributes = Set.copyOf(attributes);
    }

    /** The attributes each item is decoded with, or empty for whole items. */
    Optional<Set<String>> decodedAttributes() {
        return Optional.ofNullable(decodedAttributes);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("decode", decodedAttributes == null ? null
                : new java.util.TreeSet<>(decodedAttributes), decodedAttributes != null);
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
        TableReader reader = table.reader(read.path, decodedAttributes());
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression readerExpression = implementor.stash(reader, TableReader.class);
        BlockBuilder block = new BlockBuilder();
        block.add(Expressions.return_(null, Expressions.call(readerExpression, "read", DataContext.ROOT)));
        return implementor.result(physType, block.toBlock());
    }
}
