package io.skiff.sql.parse;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.schema.TableColumns;
import java.util.ArrayList;
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
import org.apache.calcite.sql.SqlLiteral;
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
    /** The scope of the query that the query being rewritten is nested in, for correlated names. */
    private Scope enclosing;

    /** @param tables the columns of a table by name, empty for names that are not Skiff tables */
    public UndeclaredAttributes(Function<String, Optional<TableColumns>> tables) {
        this.tables = tables;
    }

    /** The statement with undeclared attribute names rewritten; other statements unchanged. */
    public SqlNode rewrite(SqlNode node) {
        if (node instanceof SqlSelect select) {
            rewriteSelect(select);
        } else if (node instanceof SqlOrderBy orderBy) {
            rewrite(orderBy.query);
            if (orderBy.query instanceof SqlSelect select) {
                Scope scope = scopeOf(select);
                Set<String> aliases = selectAliases(select);
                for (int i = 0; i < orderBy.orderList.size(); i++) {
                    orderBy.orderList.set(i, scope.expressions(aliases).visitNode(orderBy.orderList.get(i)));
                }
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
                return new SqlInsert(insert.getParserPosition(), (SqlNodeList) insert.getOperandList().get(0),
                        extend(table, extra), selectFrom(insert.getSource()), insert.getTargetColumnList());
            }
        }
        return insert;
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
        Scope scope = new Scope(enclosing);
        scope.add(update.getAlias() != null ? update.getAlias().getSimple() : last(table),
                Optional.of(found.get().extend(extra)));
        SqlShuttle shuttle = scope.expressions(Set.of());
        SqlNodeList sources = update.getSourceExpressionList();
        for (int i = 0; i < sources.size(); i++) {
            sources.set(i, shuttle.visitNode(sources.get(i)));
        }
        if (update.getCondition() != null) {
            update.setOperand(3, shuttle.visitNode(update.getCondition()));
        }
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
            Scope scope = new Scope(enclosing);
            scope.add(delete.getAlias() != null ? delete.getAlias().getSimple() : last(table), found);
            delete.setOperand(1, scope.expressions(Set.of()).visitNode(delete.getCondition()));
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

    private void rewriteSelect(SqlSelect select) {
        Scope scope = scopeOf(select);
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

    private Scope scopeOf(SqlSelect select) {
        Scope scope = new Scope(enclosing);
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
     * {@code parent} the scope of the enclosing query, whose aliases a sub-query may name.
     */
    private final class Scope {
        final Map<String, Optional<TableColumns>> byAlias = new LinkedHashMap<>();
        final Scope parent;
        boolean opaque;

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
                        Scope saved = enclosing;
                        enclosing = Scope.this;
                        try {
                            return rewrite(call);
                        } finally {
                            enclosing = saved;
                        }
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
            Optional<TableColumns> qualifier = names.size() > 1 && byAlias.containsKey(first)
                    ? byAlias.get(first) : null;
            if (qualifier != null) {
                if (qualifier.isEmpty()) {
                    return id;
                }
                SqlNode base = column(first, names.get(1), qualifier.get(), pos);
                return items(base, names.subList(2, names.size()), pos);
            }
            Scope outer = names.size() > 1 ? outerScopeOf(first) : null;
            if (outer != null) {
                return outer.resolve(id, Set.of());
            }
            if (isDeclaredAnywhere(first) || selectAliases.contains(first)) {
                return names.size() == 1 ? id : items(new SqlIdentifier(first, pos), names.subList(1, names.size()), pos);
            }
            if (opaque) {
                return id;
            }
            String owner = soleTable(first, pos);
            return items(document(owner, first, pos), names.subList(1, names.size()), pos);
        }

        /** The nearest enclosing query's scope with this alias (a correlated reference), or null. */
        private Scope outerScopeOf(String alias) {
            for (Scope scope = parent; scope != null; scope = scope.parent) {
                if (scope.byAlias.containsKey(alias)) {
                    return scope;
                }
            }
            return null;
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
