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
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
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
 */
public final class UndeclaredAttributes {

    private final Function<String, Optional<TableColumns>> tables;

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
        }
        return node;
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
        Scope scope = new Scope();
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

    /** The tables a SELECT reads, by alias; {@code opaque} when some source's columns are unknown. */
    private final class Scope {
        final Map<String, Optional<TableColumns>> byAlias = new LinkedHashMap<>();
        boolean opaque;

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
            Optional<TableColumns> qualifier = names.size() > 1 && byAlias.containsKey(first)
                    ? byAlias.get(first) : null;
            if (qualifier != null) {
                if (qualifier.isEmpty()) {
                    return id;
                }
                SqlNode base = column(first, names.get(1), qualifier.get(), pos);
                return items(base, names.subList(2, names.size()), pos);
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

        private boolean isDeclaredAnywhere(String name) {
            return byAlias.values().stream().anyMatch(c -> c.isPresent()
                    && (c.get().isDeclared(name) || TableColumns.DOCUMENT.equals(name)));
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
            if (columns.isDeclared(name) || TableColumns.DOCUMENT.equals(name)) {
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
