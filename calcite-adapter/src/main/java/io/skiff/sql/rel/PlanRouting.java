package io.skiff.sql.rel;

import io.skiff.core.schema.TableSchema;
import io.skiff.sql.api.RoutingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/**
 * Finds the {@link RoutingKey} of a plan: the plan must read exactly one table through one
 * access path keyed by a single partition key given as a {@code ?} marker, and write (if it
 * writes) only that table by updating or deleting what it read. Anything else, such as a join or
 * an {@code INSERT ... SELECT}, touches partitions a client cannot name before running it.
 */
public final class PlanRouting {

    private PlanRouting() {
    }

    /** The routing key of an optimized plan, when it has one. */
    public static Optional<RoutingKey> of(RelNode plan) {
        List<SkiffAccess> reads = new ArrayList<>();
        List<TableModify> writes = new ArrayList<>();
        collect(plan, reads, writes);
        if (reads.size() != 1 || reads.get(0) == null || writes.size() > 1) {
            return Optional.empty();
        }
        SkiffRel.Implementor read = new SkiffRel.Implementor();
        read.visitChild(reads.get(0));
        if (!writes.isEmpty()) {
            TableModify write = writes.get(0);
            List<String> written = write.getTable().getQualifiedName();
            String readName = read.table.columns().schema().name();
            if (write.isInsert() || !written.get(written.size() - 1).equals(readName)) {
                return Optional.empty();
            }
        }
        List<ValueSource> partitionKeys = List.of();
        if (read.path instanceof AccessPath.PointGet get) {
            partitionKeys = get.partitionKeys();
        } else if (read.path instanceof AccessPath.RangeScan range) {
            partitionKeys = range.partitionKeys();
        }
        return partitionKeys.size() == 1 ? of(read.table.columns().schema(), partitionKeys.get(0)) : Optional.empty();
    }

    /** The routing key of a write to {@code table} whose partition key comes from {@code source}. */
    static Optional<RoutingKey> of(TableSchema table, ValueSource source) {
        return source instanceof ValueSource.Parameter parameter
                ? Optional.of(new RoutingKey(table.name(), parameter.index(), table.partitionKey().type()))
                : Optional.empty();
    }

    private static void collect(RelNode node, List<SkiffAccess> reads, List<TableModify> writes) {
        if (node instanceof SkiffAccess access) {
            reads.add(access);
            return;
        }
        if (node instanceof SkiffTableScan) {
            reads.add(null); // a whole table: no one partition
            return;
        }
        if (node instanceof TableModify modify) {
            writes.add(modify);
        }
        node.getInputs().forEach(input -> collect(input, reads, writes));
    }
}
