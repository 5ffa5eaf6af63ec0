package io.skiff.parser.partiql;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.grammar.PartiQLLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders statements and expressions as PartiQL text that {@link StatementParser} parses back
 * to an equal tree (positions aside): keywords in upper case, parentheses only where the
 * precedence needs them, names quoted only when they must be (reserved words, other characters).
 * Binary values have no PartiQL literal and cannot be rendered.
 */
public final class StatementPrinter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> KEYWORDS = keywords();

    // Precedence levels, loosest first; an operand printed where a tighter level is needed gets parentheses.
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;
    private static final int ADDITIVE = 5;
    private static final int PRIMARY = 6;

    private final StringBuilder out = new StringBuilder();

    private StatementPrinter() {
    }

    /** The statement as text. */
    public static String print(Statement statement) {
        StatementPrinter printer = new StatementPrinter();
        printer.statement(statement);
        return printer.out.toString();
    }

    /** The expression as text. */
    public static String print(Expr expr) {
        StatementPrinter printer = new StatementPrinter();
        printer.expr(expr, OR);
        return printer.out.toString();
    }

    /** A name as it must be written: plain when it can be, else in double quotes. */
    public static String name(String name) {
        if (PLAIN_NAME.matcher(name).matches() && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private void statement(Statement statement) {
        if (statement instanceof Statement.Select select) {
            select(select);
        } else if (statement instanceof Statement.Insert insert) {
            out.append("INSERT INTO ");
            table(insert.table());
            out.append(" VALUE ");
            expr(insert.item(), OR);
        } else if (statement instanceof Statement.Update update) {
            out.append("UPDATE ");
            table(update.table());
            for (Statement.Update.Action action : update.actions()) {
                out.append(action instanceof Statement.Update.Set ? " SET " : " REMOVE ");
                path(action.target().path());
                if (action instanceof Statement.Update.Set set) {
                    out.append(" = ");
                    expr(set.value(), OR);
                }
            }
            where(update.where());
            returning(update.returning());
        } else if (statement instanceof Statement.Delete delete) {
            out.append("DELETE FROM ");
            table(delete.table());
            where(delete.where());
            returning(delete.returning());
        } else {
            Statement.ExistsCheck check = (Statement.ExistsCheck) statement;
            out.append(check.negated() ? "NOT EXISTS(" : "EXISTS(");
            select(check.query());
            out.append(')');
        }
    }

    private void select(Statement.Select select) {
        out.append("SELECT ");
        if (!select.hints().isEmpty()) {
            out.append("/*+ ").append(String.join(" ", new java.util.TreeSet<>(select.hints())).toUpperCase(java.util.Locale.ROOT))
                    .append(" */ ");
        }
        if (select.selectsAll()) {
            out.append('*');
        } else {
            list(select.projection(), OR);
        }
        out.append(" FROM ");
        table(select.table());
        select.where().ifPresent(this::where);
        for (int i = 0; i < select.orderBy().size(); i++) {
            OrderItem item = select.orderBy().get(i);
            out.append(i == 0 ? " ORDER BY " : ", ");
            path(item.path().path());
            if (item.descending()) {
                out.append(" DESC");
            }
        }
        select.nearest().ifPresent(nearest -> {
            out.append(" ORDER BY ");
            expr(nearest.distance(), OR);
            out.append(" LIMIT ");
            expr(nearest.count(), OR);
        });
    }

    private void table(TableRef table) {
        out.append(name(table.table()));
        table.index().ifPresent(index -> out.append('.').append(name(index)));
    }

    private void where(Expr where) {
        out.append(" WHERE ");
        expr(where, OR);
    }

    private void returning(ReturnValues returning) {
        if (returning != ReturnValues.NONE) {
            out.append(' ').append(returning.clause());
        }
    }

    private void expr(Expr expr, int context) {
        int level = level(expr);
        if (level < context) {
            out.append('(');
        }
        if (expr instanceof Expr.Or or) {
            join(or.operands(), " OR ", AND);
        } else if (expr instanceof Expr.And and) {
            join(and.operands(), " AND ", NOT);
        } else if (expr instanceof Expr.Not not) {
            out.append("NOT ");
            expr(not.operand(), NOT);
        } else if (expr instanceof Expr.Comparison comparison) {
            expr(comparison.left(), ADDITIVE);
            out.append(' ').append(comparison.operator().symbol()).append(' ');
            expr(comparison.right(), ADDITIVE);
        } else if (expr instanceof Expr.Between between) {
            expr(between.operand(), ADDITIVE);
            out.append(" BETWEEN ");
            expr(between.low(), ADDITIVE);
            out.append(" AND ");
            expr(between.high(), ADDITIVE);
        } else if (expr instanceof Expr.In in) {
            expr(in.operand(), ADDITIVE);
            out.append(" IN [");
            list(in.candidates(), OR);
            out.append(']');
        } else if (expr instanceof Expr.Is is) {
            expr(is.operand(), ADDITIVE);
            out.append(is.negated() ? " IS NOT " : " IS ").append(is.kind());
        } else if (expr instanceof Expr.Arithmetic arithmetic) {
            expr(arithmetic.left(), ADDITIVE);
            out.append(' ').append(arithmetic.operator().symbol()).append(' ');
            expr(arithmetic.right(), PRIMARY);
        } else {
            primary(expr);
        }
        if (level < context) {
            out.append(')');
        }
    }

    private void primary(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            value(literal.value());
        } else if (expr instanceof Expr.Missing) {
            out.append("MISSING");
        } else if (expr instanceof Expr.Parameter) {
            out.append('?');
        } else if (expr instanceof Expr.PathRef path) {
            path(path.path());
        } else if (expr instanceof Expr.Call call) {
            out.append(call.function().sqlName()).append('(');
            list(call.arguments(), OR);
            out.append(')');
        } else if (expr instanceof Expr.NamedCall call) {
            out.append(call.name()).append('(');
            list(call.arguments(), OR);
            out.append(')');
        } else if (expr instanceof Expr.Struct struct) {
            out.append('{');
            for (int i = 0; i < struct.fields().size(); i++) {
                Expr.Field field = struct.fields().get(i);
                out.append(i == 0 ? "" : ", ");
                string(field.name());
                out.append(": ");
                expr(field.value(), OR);
            }
            out.append('}');
        } else if (expr instanceof Expr.ListOf list) {
            out.append('[');
            list(list.elements(), OR);
            out.append(']');
        } else if (expr instanceof Expr.SetOf set) {
            out.append("<<");
            list(set.elements(), OR);
            out.append(">>");
        } else {
            out.append("EXISTS(");
            select(((Expr.Exists) expr).query());
            out.append(')');
        }
    }

    private static int level(Expr expr) {
        if (expr instanceof Expr.Or) {
            return OR;
        }
        if (expr instanceof Expr.And) {
            return AND;
        }
        if (expr instanceof Expr.Not) {
            return NOT;
        }
        if (expr instanceof Expr.Comparison || expr instanceof Expr.Between || expr instanceof Expr.In
                || expr instanceof Expr.Is) {
            return PREDICATE;
        }
        return expr instanceof Expr.Arithmetic ? ADDITIVE : PRIMARY;
    }

    private void join(List<Expr> operands, String separator, int context) {
        for (int i = 0; i < operands.size(); i++) {
            out.append(i == 0 ? "" : separator);
            expr(operands.get(i), context);
        }
    }

    private void list(List<? extends Expr> exprs, int context) {
        for (int i = 0; i < exprs.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            expr(exprs.get(i), context);
        }
    }

    private void path(Path path) {
        List<PathElement> elements = path.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof PathElement.Name member) {
                out.append(i == 0 ? "" : ".").append(name(member.name()));
            } else {
                out.append('[').append(((PathElement.Index) elements.get(i)).index()).append(']');
            }
        }
    }

    private void value(AttributeValue value) {
        if (value instanceof StringValue s) {
            string(s.value());
        } else if (value instanceof NumberValue n) {
            out.append(n.toText());
        } else if (value instanceof BoolValue b) {
            out.append(b.value() ? "TRUE" : "FALSE");
        } else if (value instanceof NullValue) {
            out.append("NULL");
        } else if (value instanceof ListValue list) {
            out.append('[');
            values(list.values());
            out.append(']');
        } else if (value instanceof MapValue map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.values().entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                string(entry.getKey());
                out.append(": ");
                value(entry.getValue());
            }
            out.append('}');
        } else if (value instanceof StringSetValue ss) {
            out.append("<<");
            values(ss.values().stream().map(AttributeValue::s).toList());
            out.append(">>");
        } else if (value instanceof NumberSetValue ns) {
            out.append("<<");
            values(List.copyOf(ns.values()));
            out.append(">>");
        } else {
            throw new IllegalArgumentException("A " + value.type() + " value has no PartiQL literal;"
                    + " binary values can only be passed as parameters");
        }
    }

    private void values(List<? extends AttributeValue> values) {
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            value(values.get(i));
        }
    }

    private void string(String text) {
        out.append('\'').append(text.replace("'", "''")).append('\'');
    }

    private static Set<String> keywords() {
        Set<String> keywords = new HashSet<>();
        for (int type = 1; type <= PartiQLLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = PartiQLLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        return Set.copyOf(keywords);
    }
}
