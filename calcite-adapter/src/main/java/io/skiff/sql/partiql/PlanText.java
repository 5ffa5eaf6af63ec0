package io.skiff.sql.partiql;

import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.StatementPrinter;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * EXPLAIN text of a PartiQL statement, in the style of SQL's plans: one operator per line, inputs
 * indented below, attributes as {@code name=[value]}. PartiQL's own operators (the projection,
 * the filter evaluated inside the storage read, the write commands) sit on top of the Skiff
 * access operators, which are printed exactly as Calcite prints them for SQL.
 */
final class PlanText {

    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** Adds an operator line; the lines added after it are its input. */
    PlanText operator(String name, String... attributes) {
        text.append("  ".repeat(depth)).append(name).append('(');
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(attributes[i]).append("=[").append(attributes[i + 1]).append(']');
        }
        text.append(")\n");
        depth++;
        return this;
    }

    /** Adds a planned Calcite subtree as the input of the last operator. */
    PlanText plan(RelNode rel) {
        for (String line : RelOptUtil.toString(rel, SqlExplainLevel.EXPPLAN_ATTRIBUTES).split("\n")) {
            text.append("  ".repeat(depth)).append(line).append('\n');
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Conditions joined by AND, as PartiQL text. */
    static String conjunction(List<Expr> conjuncts) {
        List<String> parts = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            String printed = StatementPrinter.print(conjunct);
            parts.add(conjunct instanceof Expr.Or && conjuncts.size() > 1 ? "(" + printed + ")" : printed);
        }
        return String.join(" AND ", parts);
    }
}
