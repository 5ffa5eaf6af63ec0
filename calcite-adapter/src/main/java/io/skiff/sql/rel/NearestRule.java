package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import io.skiff.sql.schema.TableIndex;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * {@code ORDER BY distance(attribute, ?) LIMIT k} over a table whose attribute has an index that
 * answers nearest neighbours (vectorlsh for cosine and euclidean, minhash for jaccard): the
 * table is read through the index's candidates, and the sort above them, a bounded heap, ranks
 * them exactly. A filter between the projection and the scan stays where it is.
 */
final class NearestRule extends RelRule<SkiffRules.RuleConfig> {

    NearestRule(SkiffRules.RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalSort sort = call.rel(0);
        LogicalProject project = call.rel(1);
        RelNode below = call.rel(2);
        Filter filter = below instanceof Filter found ? found : null;
        SkiffTableScan scan = filter == null ? (SkiffTableScan) below : call.rel(3);
        SkiffTable table = scan.getTable().unwrap(SkiffTable.class);
        if (table == null || sort.fetch == null || sort.getCollation().getFieldCollations().isEmpty()) {
            return;
        }
        RelFieldCollation first = sort.getCollation().getFieldCollations().get(0);
        if (first.getDirection() != RelFieldCollation.Direction.ASCENDING) {
            return;
        }
        Optional<ValueSource> k = limitOf(sort);
        RexNode ordered = project.getProjects().get(first.getFieldIndex());
        if (k.isEmpty() || !(ordered instanceof RexCall distance)) {
            return;
        }
        List<TableIndex> indexes = table.indexes();
        if (indexes.isEmpty()) {
            return;
        }
        IndexConditionTranslator translator = new IndexConditionTranslator(table.columns(), indexes);
        Optional<IndexSearch> search = translator.distanceSearch(distance, IndexSearch.Kind.NEAREST, k.get());
        if (search.isEmpty()) {
            return;
        }
        for (AccessPath path : translator.pathsFor(search.get())) {
            if (!(path instanceof AccessPath.IndexProbe) || !IndexHints.allows(scan.getHints(), path)) {
                continue;
            }
            RelNode read = new SkiffIndexAccess(scan.getCluster(), scan.getTraitSet(), scan, path);
            RelNode filtered = filter == null ? read : filter.copy(filter.getTraitSet(), read, filter.getCondition());
            RelNode projected = project.copy(project.getTraitSet(), List.of(filtered));
            call.transformTo(sort.copy(sort.getTraitSet(), List.of(projected)));
        }
    }

    /** How many rows the sort keeps: its fetch, plus its offset when both are literals. */
    private static Optional<ValueSource> limitOf(LogicalSort sort) {
        if (sort.fetch instanceof RexDynamicParam param && sort.offset == null) {
            return Optional.of(new ValueSource.Parameter(param.getIndex()));
        }
        if (!(sort.fetch instanceof RexLiteral fetch)) {
            return Optional.empty();
        }
        long rows = fetch.getValueAs(Long.class);
        if (sort.offset != null) {
            if (!(sort.offset instanceof RexLiteral offset)) {
                return Optional.empty();
            }
            rows += offset.getValueAs(Long.class);
        }
        return Optional.of(new ValueSource.Literal(java.math.BigDecimal.valueOf(rows)));
    }
}
