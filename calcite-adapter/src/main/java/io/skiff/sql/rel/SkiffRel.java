package io.skiff.sql.rel;

import io.skiff.sql.schema.SkiffTable;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/** A relational expression that reads a Skiff table in the adapter's own convention. */
public interface SkiffRel extends RelNode {

    /** The convention of plans that run inside the store. */
    Convention CONVENTION = new Convention.Impl("SKIFF", SkiffRel.class);

    /** Adds what this expression does to the read being built. */
    void implement(Implementor implementor);

    /** Collects the table and access path of a chain of Skiff expressions. */
    final class Implementor {
        SkiffTable table;
        AccessPath path = new AccessPath.FullScan();

        void visitChild(RelNode input) {
            ((SkiffRel) input).implement(this);
        }
    }
}
