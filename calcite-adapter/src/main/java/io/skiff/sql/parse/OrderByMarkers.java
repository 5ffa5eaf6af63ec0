package io.skiff.sql.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Lets a {@code ?} marker stand inside an ORDER BY expression of a query, as in
 * {@code SELECT id FROM docs ORDER BY cosine(embedding, ?) LIMIT 10}.
 *
 * <p>Calcite's validator infers the type of a marker only in the clauses it runs type inference
 * over (the select list, WHERE, GROUP BY, HAVING, ...), never in ORDER BY, so such a marker
 * stays untyped and converting the statement fails. Before validation, each ORDER BY expression
 * of the top-level SELECT that holds a marker therefore moves to the end of the select list
 * under a generated alias, and the ORDER BY names that alias (keeping DESC and NULLS FIRST/LAST):
 * exactly the form {@code SELECT id, cosine(embedding, ?) AS d FROM docs ORDER BY d} that Calcite
 * types. The caller leaves the {@link #hiddenColumns() appended columns} out of the result, as
 * Calcite leaves out the sort keys it adds for ORDER BY expressions that are not selected. The
 * markers keep their indexes, so values still bind in the order of the text.
 *
 * <p>Only the outermost SELECT (also the body of WITH) is rewritten: an appended column would
 * change what a sub-query in FROM or an INSERT's query returns, and which rows of a DISTINCT
 * query are distinct. A set operation's ORDER BY stays as it is: Calcite already types its
 * markers.
 */
public final class OrderByMarkers {

    private static final String ALIAS_PREFIX = "$ORDER_BY_";

    private int hidden;

    /** The statement with its ORDER BY markers moved to the select list; other statements unchanged. */
    public SqlNode rewrite(SqlNode node) {
        if (node instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect select) {
            moveMarkedItems(select, orderBy.orderList);
        } else if (node instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlWith with
                && with.body instanceof SqlSelect select) {
            // WITH ... SELECT ... ORDER BY: the ORDER BY is the body's, as Calcite's validator also has it.
            moveMarkedItems(select, orderBy.orderList);
        } else if (node instanceof SqlWith with) {
            // The body of WITH is the outermost query; the queries it names are sub-queries.
            rewrite(with.body);
        }
        return node;
    }

    /** How many columns the rewrite appended to the select list: the last ones, which the result must not return. */
    public int hiddenColumns() {
        return hidden;
    }

    private void moveMarkedItems(SqlSelect select, SqlNodeList orderList) {
        if (select.isDistinct()) {
            // Another selected column would change which rows are distinct.
            return;
        }
        Map<String, SqlNode> aliased = aliasedExpressions(select.getSelectList());
        Set<String> taken = new HashSet<>(aliased.keySet());
        for (int i = 0; i < orderList.size(); i++) {
            SqlNode item = orderList.get(i);
            SqlNode expression = sortedExpression(item);
            if (!hasMarker(expression)) {
                continue;
            }
            String alias = freshAlias(taken);
            SqlParserPos pos = expression.getParserPosition();
            SqlNode selected = new AliasExpander(aliased).visitNode(expression);
            select.getSelectList().add(SqlStdOperatorTable.AS.createCall(pos, selected, new SqlIdentifier(alias, pos)));
            orderList.set(i, replaceSortedExpression(item, new SqlIdentifier(alias, pos)));
            hidden++;
        }
    }

    /** The expression an ORDER BY item sorts by, inside its DESC and NULLS FIRST/LAST. */
    private static SqlNode sortedExpression(SqlNode item) {
        SqlNode expression = item;
        while (isDirection(expression)) {
            expression = ((SqlCall) expression).operand(0);
        }
        return expression;
    }

    /** The ORDER BY item with the same direction and null order, sorting by {@code replacement}. */
    private static SqlNode replaceSortedExpression(SqlNode item, SqlNode replacement) {
        if (!isDirection(item)) {
            return replacement;
        }
        SqlCall call = (SqlCall) item;
        return call.getOperator().createCall(call.getParserPosition(), replaceSortedExpression(call.operand(0),
                replacement));
    }

    private static boolean isDirection(SqlNode node) {
        return node.getKind() == SqlKind.DESCENDING || node.getKind() == SqlKind.NULLS_FIRST
                || node.getKind() == SqlKind.NULLS_LAST;
    }

    private static boolean hasMarker(SqlNode expression) {
        boolean[] found = {false};
        expression.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                found[0] = true;
                return null;
            }
        });
        return found[0];
    }

    /** The select list's {@code expression AS alias} items, by alias. */
    private static Map<String, SqlNode> aliasedExpressions(SqlNodeList selectList) {
        Map<String, SqlNode> aliased = new HashMap<>();
        for (SqlNode item : selectList) {
            if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
                    && call.operand(1) instanceof SqlIdentifier alias) {
                aliased.putIfAbsent(alias.getSimple(), call.operand(0));
            }
        }
        return aliased;
    }

    private static String freshAlias(Set<String> taken) {
        for (int n = 0; ; n++) {
            if (taken.add(ALIAS_PREFIX + n)) {
                return ALIAS_PREFIX + n;
            }
        }
    }

    /**
     * In ORDER BY a simple name that is a select alias means the aliased expression; in the
     * select list it would name a column. So a moved expression gets the aliased expressions in
     * place of such names. They are shared, not copied: a copied marker would count twice.
     */
    private static final class AliasExpander extends SqlShuttle {
        private final Map<String, SqlNode> aliased;

        AliasExpander(Map<String, SqlNode> aliased) {
            this.aliased = aliased;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            return id.isSimple() && aliased.containsKey(id.getSimple()) ? aliased.get(id.getSimple()) : id;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            // A sub-query's names are its own.
            return call instanceof SqlSelect || call instanceof SqlOrderBy ? call : super.visit(call);
        }
    }
}
