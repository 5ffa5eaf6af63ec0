package io.skiff.sql.typing;

import io.skiff.sql.schema.TableColumns;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How a run-time type error names the value it is about: {@code attribute 'address.zip'} for
 * an (undeclared) attribute, whatever Calcite rewrote it to; {@code parameter 2} for a
 * parameter; the expression's text otherwise.
 */
final class Labels {

    private static final int MAX_TEXT = 80;

    private Labels() {
    }

    /** The label of an expression before it is converted to relational algebra. */
    static String of(SqlNode node) {
        if (node instanceof SqlDynamicParam param) {
            return "parameter " + (param.getIndex() + 1);
        }
        return path(node).map(p -> "attribute '" + p + "'").orElseGet(() -> "expression " + text(node.toString()));
    }

    /** The label of an expression over input fields with these names. */
    static String of(RexNode node, List<String> inputNames) {
        if (node instanceof RexDynamicParam param) {
            return "parameter " + (param.getIndex() + 1);
        }
        return path(node, inputNames).map(p -> "attribute '" + p + "'")
                .orElseGet(() -> "expression " + text(node.toString()));
    }

    private static Optional<String> path(SqlNode node) {
        if (node instanceof SqlIdentifier id && !id.isStar()) {
            String name = id.names.get(id.names.size() - 1);
            return Optional.of(name.equals(TableColumns.DOCUMENT) ? "" : name);
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.ITEM
                && call.operand(1) instanceof SqlLiteral key) {
            return path(call.operand(0)).map(base -> step(base, key.getValue() instanceof BigDecimal n
                    ? n : key.getValueAs(String.class)));
        }
        return Optional.empty();
    }

    private static Optional<String> path(RexNode node, List<String> inputNames) {
        if (node instanceof RexInputRef ref && ref.getIndex() < inputNames.size()) {
            String name = inputNames.get(ref.getIndex());
            boolean document = ref.getType().getSqlTypeName() == SqlTypeName.MAP
                    && name.startsWith(TableColumns.DOCUMENT);
            return Optional.of(document ? "" : name);
        }
        if (node instanceof RexCall call && call.getKind() == SqlKind.ITEM
                && call.getOperands().get(1) instanceof RexLiteral key) {
            Object value = key.getValue2();
            return path(call.getOperands().get(0), inputNames).map(base -> step(base, value));
        }
        return Optional.empty();
    }

    /** {@code base.name}, or {@code base[n]} for a list position. */
    private static String step(String base, Object key) {
        if (key instanceof Number n) {
            return base + "[" + n + "]";
        }
        return base.isEmpty() ? String.valueOf(key) : base + "." + key;
    }

    private static String text(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 3) + "...";
    }
}
