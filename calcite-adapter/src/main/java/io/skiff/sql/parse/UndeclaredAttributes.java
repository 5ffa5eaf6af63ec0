package io.skiff.sql.parse;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.schema.TableColumns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Lets SQL name attributes a table does not declare. Before validation, every identifier that
 * is no declared column of the tables in scope becomes a lookup in the table's document column:
 * {@code city} becomes {@code _doc['city']}, {@code u.city} {@code u._doc['city']}, and
 * {@code address.city} {@code _doc['address']['city']}. Such values are typed at run time.
 * INSERT and UPDATE may write undeclared attributes: their target columns become SQL
 * {@code EXTEND} columns of type ANY, which the table writes as attributes.
 */
public final class UndeclaredAttributes {

    private final Function<String, Optional<TableColumns>> tables;
    /** The scopes of the SELECTs being rewritten, innermost first: a subquery sees its outer tables. */
    private final Deque<Scope> enclosing = new ArrayDeque<>();

    /** @param tables the columns of a table by name, empty for names that are not Skiff tables */
    public UndeclaredAttributes(Function<String, Optional<TableColumns>> tables) {
        this.tables = tables;
    }

    /** The statement with undeclared attribute names rewritten; other statements unchanged. */
    public SqlNode rewrite(SqlNode node) {
        if (node instanceof SqlSelect select) {
            rewriteSelect(select);
        } else if (node instanceof SqlOrderBy orderBy) {
            if (orderBy.query instanceof SqlSelect select) {
                Scope scope = rewriteSelect(select);
                SqlShuttle withAliases = scope.expressions(selectAliases(select));
                within(scope, () -> {
                    for (int i = 0; i < orderBy.orderList.size(); i++) {
                        orderBy.orderList.set(i, withAliases.visitNode(orderBy.orderList.get(i)));
                    }
                });
            } else {
                rewrite(orderBy.query);
            }
        } else if (node instanceof SqlBasicCall call && isSetOperation(call)) {
            call.getOperandList().forEach(this::rewrite);
        } else if (node instanceof SqlInsert insert) {
            return rewriteInsert(insert);
        } else if (node instanceof SqlUpdate update) {
            return rewriteUpdate(update);
        } else if (node instanceof SqlDelete delete) {
            rewriteDelete(delete);
        }
        return node;
    }

    /** Undeclared target columns become EXTEND columns, written as attributes. */
    private SqlNode rewriteInsert(SqlInsert insert) {
        rewrite(insert.getSource());
        if (insert.getTargetTable() instanceof SqlIdentifier table && insert.getTargetColumnList() != null) {
            Optional<TableColumns> columns = tables.apply(last(table));
            List<String> extra = columns.isEmpty() ? List.of() : undeclared(insert.getTargetColumnList(), columns.get());
            if (!extra.isEmpty()) {
                typeBareNulls(insert.getSource(), insert.getTargetColumnList(), extra);
                return new SqlInsert(insert.getParserPosition(), (SqlNodeList) insert.getOperandList().get(0),
                        extend(table, extra), selectFrom(insert.getSource()), insert.getTargetColumnList());
            }
        }
        return insert;
    }

    /**
     * A bare NULL in VALUES rows feeding an undeclared column becomes a NULL of the type of the
     * column's other literals (VARCHAR when all are NULL): left untyped, it takes the column's type
     * ANY, and Calcite's predicate inference over the VALUES then fails to build a literal of type
     * ANY. The attribute is left out either way.
     */
    private static void typeBareNulls(SqlNode source, SqlNodeList targetColumns, List<String> undeclared) {
        if (source.getKind() != SqlKind.VALUES) {
            return;
        }
        List<SqlNode> rows = ((SqlCall) source).getOperandList();
        for (int i = 0; i < targetColumns.size(); i++) {
            if (!undeclared.contains(((SqlIdentifier) targetColumns.get(i)).getSimple())) {
                continue;
            }
            Optional<SqlTypeName> type = literalTypeOf(rows, i);
            for (SqlNode row : rows) {
                if (type.isPresent() && row instanceof SqlCall values && i < values.operandCount()
                        && isNull(values.operand(i))) {
                    SqlParserPos pos = values.operand(i).getParserPosition();
                    values.setOperand(i, SqlStdOperatorTable.CAST.createCall(pos, values.operand(i),
                            new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type.get(), pos), pos)));
                }
            }
        }
    }

    /** The type the literals at one position of VALUES rows share; empty when other expressions stand there. */
    private static Optional<SqlTypeName> literalTypeOf(List<SqlNode> rows, int position) {
        SqlTypeName type = null;
        for (SqlNode row : rows) {
            if (!(row instanceof SqlCall values) || position >= values.operandCount()) {
                return Optional.empty();
            }
            SqlNode value = values.operand(position);
            if (isNull(value)) {
                continue;
            }
            SqlTypeName found = value instanceof SqlNumericLiteral ? SqlTypeName.DECIMAL
                    : value instanceof SqlCharStringLiteral ? SqlTypeName.VARCHAR
                    : value instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN
                    ? SqlTypeName.BOOLEAN : null;
            if (found == null || (type != null && type != found)) {
                return Optional.empty();
            }
            type = found;
        }
        return Optional.of(type == null ? SqlTypeName.VARCHAR : type);
    }

    private static boolean isNull(SqlNode value) {
        return value instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL;
    }

    private SqlNode rewriteUpdate(SqlUpdate update) {
        if (!(update.getTargetTable() instanceof SqlIdentifier table)) {
            return update;
        }
        Optional<TableColumns> found = tables.apply(last(table));
        if (found.isEmpty()) {
            return update;
        }
        List<String> extra = undeclared(update.getTargetColumnList(), found.get());
        Scope scope = new Scope();
        scope.add(update.getAlias() != null ? update.getAlias().getSimple() : last(table),
                Optional.of(found.get().extend(extra)));
        SqlShuttle shuttle = scope.expressions(Set.of());
        within(scope, () -> {
            SqlNodeList sources = update.getSourceExpressionList();
            for (int i = 0; i < sources.size(); i++) {
                sources.set(i, shuttle.visitNode(sources.get(i)));
            }
            if (update.getCondition() != null) {
                update.setOperand(3, shuttle.visitNode(update.getCondition()));
            }
        });
        if (extra.isEmpty()) {
            return update;
        }
        return new SqlUpdate(update.getParserPosition(), extend(table, extra), update.getTargetColumnList(),
                update.getSourceExpressionList(), update.getCondition(), update.getSourceSelect(), update.getAlias());
    }

    private void rewriteDelete(SqlDelete delete) {
        if (delete.getCondition() == null || !(delete.getTargetTable() instanceof SqlIdentifier table)) {
            return;
        }
        Optional<TableColumns> found = tables.apply(last(table));
        if (found.isPresent()) {
            Scope scope = new Scope();
            scope.add(delete.getAlias() != null ? delete.getAlias().getSimple() : last(table), found);
            within(scope, () -> delete.setOperand(1, scope.expressions(Set.of()).visitNode(delete.getCondition())));
        }
    }

    /**
     * VALUES feeding undeclared (ANY) columns become {@code SELECT * FROM (VALUES ...)}: typed by
     * their own literals instead of by the target columns, since Calcite cannot build the range
     * predicates it infers over VALUES rows for ANY-typed columns.
     */
    private static SqlNode selectFrom(SqlNode source) {
        if (source.getKind() != SqlKind.VALUES) {
            return source;
        }
        SqlParserPos pos = source.getParserPosition();
        SqlNodeList star = new SqlNodeList(List.of(SqlIdentifier.star(pos)), pos);
        return new SqlSelect(pos, null, star, source, null, null, null, null, null, null, null, null, null);
    }

    private static List<String> undeclared(SqlNodeList targetColumns, TableColumns columns) {
        List<String> extra = new ArrayList<>();
        for (SqlNode column : targetColumns) {
            String name = ((SqlIdentifier) column).getSimple();
            if (!columns.isColumn(name) && !extra.contains(name)) {
                extra.add(name);
            }
        }
        return extra;
    }

    private static SqlNode extend(SqlIdentifier table, List<String> extra) {
        SqlParserPos pos = table.getParserPosition();
        SqlNodeList columns = new SqlNodeList(pos);
        for (String name : extra) {
            columns.add(new SqlIdentifier(name, pos));
            columns.add(new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.ANY, pos), pos));
        }
        return SqlStdOperatorTable.EXTEND.createCall(pos, table, columns);
    }

    private static boolean isSetOperation(SqlCall call) {
        return call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                || call.getKind() == SqlKind.EXCEPT;
    }

    /** Rewrites a SELECT's expressions and returns the scope its tables make. */
    private Scope rewriteSelect(SqlSelect select) {
        Scope scope = scopeOf(select);
        within(scope, () -> rewriteExpressions(select, scope));
        return scope;
    }

    /** Runs a rewrite with {@code scope} as the innermost one, so nested subqueries see it. */
    private void within(Scope scope, Runnable rewrite) {
        enclosing.push(scope);
        try {
            rewrite.run();
        } finally {
            enclosing.pop();
        }
    }

    private void rewriteExpressions(SqlSelect select, Scope scope) {
        Set<String> aliases = selectAliases(select);
        SqlShuttle plain = scope.expressions(Set.of());
        SqlNodeList list = select.getSelectList();
        for (int i = 0; i < list.size(); i++) {
            list.set(i, selectItem(list.get(i), plain));
        }
        if (select.getFrom() != null) {
            rewriteJoinConditions(select.getFrom(), plain);
        }
        if (select.getWhere() != null) {
            select.setWhere(plain.visitNode(select.getWhere()));
        }
        if (select.getGroup() != null) {
            select.setGroupBy((SqlNodeList) plain.visitNode(select.getGroup()));
        }
        SqlShuttle withAliases = scope.expressions(aliases);
        if (select.getHaving() != null) {
            select.setHaving(withAliases.visitNode(select.getHaving()));
        }
        if (select.getOrderList() != null) {
            select.setOrderBy((SqlNodeList) withAliases.visitNode(select.getOrderList()));
        }
    }

    /** {@code JOIN ... ON condition} may name undeclared attributes of the joined tables. */
    private static void rewriteJoinConditions(SqlNode from, SqlShuttle shuttle) {
        if (from instanceof SqlJoin join) {
            rewriteJoinConditions(join.getLeft(), shuttle);
            rewriteJoinConditions(join.getRight(), shuttle);
            if (join.getConditionType() == JoinConditionType.ON && join.getCondition() != null) {
                join.setOperand(5, shuttle.visitNode(join.getCondition()));
            }
        }
    }

    /** A bare undeclared name in the select list keeps its name as the column label. */
    private static SqlNode selectItem(SqlNode item, SqlShuttle shuttle) {
        if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            call.setOperand(0, shuttle.visitNode(call.operand(0)));
            return call;
        }
        SqlNode rewritten = shuttle.visitNode(item);
        if (rewritten != item && item instanceof SqlIdentifier id) {
            String label = id.names.get(id.names.size() - 1);
            return SqlStdOperatorTable.AS.createCall(id.getParserPosition(), rewritten,
                    new SqlIdentifier(label, id.getParserPosition()));
        }
        return rewritten;
    }

    private static Set<String> selectAliases(SqlSelect select) {
        Set<String> aliases = new HashSet<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
                aliases.add(((SqlIdentifier) call.operand(1)).getSimple());
            }
        }
        return aliases;
    }

    /** The scope of a SELECT's FROM; derived tables in it are rewritten in the enclosing scope. */
    private Scope scopeOf(SqlSelect select) {
        Scope scope = new Scope(enclosing.peek());
        if (select.getFrom() != null) {
            collect(select.getFrom(), scope);
        }
        return scope;
    }

    private void collect(SqlNode from, Scope scope) {
        if (from instanceof SqlJoin join) {
            collect(join.getLeft(), scope);
            collect(join.getRight(), scope);
        } else if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            SqlNode source = call.operand(0);
            String alias = ((SqlIdentifier) call.operand(1)).getSimple();
            if (source instanceof SqlIdentifier table) {
                scope.add(alias, tables.apply(last(table)));
            } else {
                rewrite(source);
                scope.add(alias, Optional.empty());
            }
        } else if (from instanceof SqlIdentifier table) {
            scope.add(last(table), tables.apply(last(table)));
        } else {
            rewrite(from);
            scope.opaque = true;
        }
    }

    private static String last(SqlIdentifier id) {
        return id.names.get(id.names.size() - 1);
    }

    /**
     * The tables a SELECT reads, by alias; {@code opaque} when some source's columns are unknown;
     * {@code parent} the scope of the query this one is a subquery of, if any.
     */
    private final class Scope {
        final Map<String, Optional<TableColumns>> byAlias = new LinkedHashMap<>();
        final Scope parent;
        boolean opaque;

        Scope() {
            this(null);
        }

        Scope(Scope parent) {
            this.parent = parent;
        }

        void add(String alias, Optional<TableColumns> columns) {
            byAlias.put(alias, columns);
            if (columns.isEmpty()) {
                opaque = true;
            }
        }

        SqlShuttle expressions(Set<String> selectAliases) {
            return new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier id) {
                    return resolve(id, selectAliases);
                }

                @Override
                public SqlNode visit(SqlCall call) {
                    if (call instanceof SqlSelect || call instanceof SqlOrderBy || isSetOperation(call)) {
                        return rewrite(call);
                    }
                    return super.visit(call);
                }
            };
        }

        private SqlNode resolve(SqlIdentifier id, Set<String> selectAliases) {
            if (id.isStar()) {
                return id;
            }
            List<String> names = id.names;
            SqlParserPos pos = id.getParserPosition();
            String first = names.get(0);
            if (names.size() > 1) {
                // Innermost scope first: an alias of this query hides the same alias further out.
                for (Scope scope = this; scope != null; scope = scope.parent) {
                    if (scope.byAlias.containsKey(first)) {
                        return scope.qualified(id);
                    }
                }
            }
            if (isDeclaredAnywhere(first) || selectAliases.contains(first)) {
                return names.size() == 1 ? id : items(new SqlIdentifier(first, pos), names.subList(1, names.size()), pos);
            }
            // A column an outer query declares (and this one does not) is a correlated reference.
            for (Scope outer = parent; outer != null; outer = outer.parent) {
                if (outer.isDeclaredAnywhere(first)) {
                    return id;
                }
            }
            if (opaque) {
                return id;
            }
            String owner = soleTable(first, pos);
            return items(document(owner, first, pos), names.subList(1, names.size()), pos);
        }

        /** A name qualified by one of this scope's aliases: a column, or an attribute of its document. */
        private SqlNode qualified(SqlIdentifier id) {
            Optional<TableColumns> qualifier = byAlias.get(id.names.get(0));
            if (qualifier.isEmpty()) {
                return id;
            }
            SqlParserPos pos = id.getParserPosition();
            SqlNode base = column(id.names.get(0), id.names.get(1), qualifier.get(), pos);
            return items(base, id.names.subList(2, id.names.size()), pos);
        }

        private boolean isDeclaredAnywhere(String name) {
            return byAlias.values().stream().anyMatch(c -> c.isPresent() && c.get().isColumn(name));
        }

        private String soleTable(String name, SqlParserPos pos) {
            if (byAlias.size() != 1) {
                throw SkiffException.at(ErrorCode.VALIDATION_ERROR, pos.getLineNum(), pos.getColumnNum(),
                        "Attribute '" + name + "' is not declared by any table here; qualify it with a table"
                                + " name or alias, as in t." + name);
            }
            return byAlias.keySet().iterator().next();
        }

        private SqlNode column(String alias, String name, TableColumns columns, SqlParserPos pos) {
            if (columns.isColumn(name)) {
                return new SqlIdentifier(List.of(alias, name), pos);
            }
            return document(alias, name, pos);
        }

        private SqlNode document(String alias, String name, SqlParserPos pos) {
            return item(new SqlIdentifier(List.of(alias, TableColumns.DOCUMENT), pos), name, pos);
        }

        private SqlNode items(SqlNode base, List<String> path, SqlParserPos pos) {
            SqlNode node = base;
            for (String name : new ArrayList<>(path)) {
                node = item(node, name, pos);
            }
            return node;
        }

        private SqlNode item(SqlNode base, String name, SqlParserPos pos) {
            return SqlStdOperatorTable.ITEM.createCall(pos, base, SqlLiteral.createCharString(name, pos));
        }
    }
}
