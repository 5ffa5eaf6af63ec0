package io.skiff.sql.rel;

import io.skiff.sql.schema.TableColumns;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;

/**
 * Projection pushdown, decided once the plan is chosen: when the only consumer of a Skiff read
 * is a projection/filter, only the attributes it uses are decoded from storage. A use of the
 * document column through {@code _doc['name']} needs just that attribute; any other use of it
 * needs them all.
 */
public final class AttributeUsage {

    private AttributeUsage() {
    }

    /** Marks every Skiff read below a projection/filter with the attributes it must decode. */
    public static void pushDown(RelNode plan) {
        for (RelNode input : plan.getInputs()) {
            if (plan instanceof EnumerableCalc calc && input instanceof SkiffToEnumerableConverter converter) {
                usedBy(calc.getProgram(), converter.columns()).ifPresent(converter::decodeOnly);
            }
            pushDown(input);
        }
    }

    /** The attribute names a program reads, or empty when it needs whole items. */
    static Optional<Set<String>> usedBy(RexProgram program, TableColumns columns) {
        Set<String> names = new HashSet<>();
        boolean[] everything = {false};
        RexVisitorImpl<Void> visitor = new RexVisitorImpl<>(true) {
            @Override
            public Void visitCall(RexCall call) {
                if (call.getKind() == SqlKind.ITEM && isDocument(call.getOperands().get(0), columns)
                        && call.getOperands().get(1) instanceof RexLiteral name
                        && name.getValueAs(String.class) != null) {
                    names.add(name.getValueAs(String.class));
                    return null;
                }
                return super.visitCall(call);
            }

            @Override
            public Void visitInputRef(RexInputRef ref) {
                if (ref.getIndex() == columns.documentIndex()) {
                    everything[0] = true;
                } else if (ref.getIndex() < columns.declared().size()) {
                    names.add(columns.declared().get(ref.getIndex()));
                } else {
                    names.add(columns.extended().get(ref.getIndex() - columns.documentIndex() - 1));
                }
                return null;
            }
        };
        List<RexLocalRef> projects = program.getProjectList();
        projects.forEach(ref -> program.expandLocalRef(ref).accept(visitor));
        if (program.getCondition() != null) {
            program.expandLocalRef(program.getCondition()).accept(visitor);
        }
        return everything[0] ? Optional.empty() : Optional.of(names);
    }

    private static boolean isDocument(RexNode node, TableColumns columns) {
        return node instanceof RexInputRef ref && ref.getIndex() == columns.documentIndex();
    }
}
