package io.skiff.sql.ddl;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.sql.schema.TableColumns;
import io.skiff.storage.api.ItemStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Runs {@code CREATE TABLE} and {@code DROP TABLE} against the store's catalog.
 * {@code PRIMARY KEY (a)} makes {@code a} the partition key, {@code PRIMARY KEY (a, b)} adds
 * {@code b} as the sort key; a table without a primary key gets the hidden key
 * {@value #GENERATED_KEY}, filled with a generated id on insert.
 */
public final class DdlExecutor {

    /** The partition key of tables created without a primary key. */
    public static final String GENERATED_KEY = TableColumns.GENERATED_KEY;

    private final ItemStore store;

    public DdlExecutor(ItemStore store) {
        this.store = store;
    }

    /** Whether the statement is DDL this executor runs. */
    public static boolean isDdl(SqlNode node) {
        return node instanceof SqlCreateTable || node instanceof SqlDropTable;
    }

    public void execute(SqlNode node) {
        if (node instanceof SqlCreateTable create) {
            create(create);
        } else if (node instanceof SqlDropTable drop) {
            drop(drop);
        }
    }

    private void create(SqlCreateTable create) {
        if (create.query != null) {
            throw error(create.query.getParserPosition(), "CREATE TABLE ... AS SELECT is not supported");
        }
        if (create.getReplace()) {
            throw error(create.getParserPosition(), "CREATE OR REPLACE TABLE is not supported; drop the table first");
        }
        String name = tableName(create.name);
        if (create.ifNotExists && store.findTable(name).isPresent()) {
            return;
        }
        TableSchema schema = schemaOf(name, create.columnList, create.getParserPosition());
        store.createTable(schema);
    }

    private void drop(SqlDropTable drop) {
        String name = tableName(drop.name);
        if (drop.ifExists && store.findTable(name).isEmpty()) {
            return;
        }
        store.dropTable(name);
    }

    private static TableSchema schemaOf(String table, SqlNodeList elements, SqlParserPos pos) {
        if (elements == null || elements.isEmpty()) {
            throw error(pos, "CREATE TABLE " + table + " needs at least one column");
        }
        Map<String, AttributeType> columns = new LinkedHashMap<>();
        Map<String, SqlParserPos> positions = new LinkedHashMap<>();
        List<String> primaryKey = null;
        SqlParserPos primaryKeyPos = pos;
        for (SqlNode element : elements) {
            if (element instanceof SqlColumnDeclaration column) {
                String name = column.name.getSimple();
                if (columns.containsKey(name)) {
                    throw error(column.name.getParserPosition(), "Duplicate column '" + name + "'");
                }
                if (column.expression != null) {
                    throw error(column.expression.getParserPosition(), "Column '" + name
                            + "': DEFAULT and generated columns are not supported");
                }
                columns.put(name, ColumnTypes.attributeType(column));
                positions.put(name, column.getParserPosition());
            } else if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.PRIMARY_KEY) {
                if (primaryKey != null) {
                    throw error(key.getParserPosition(), "A table has at most one PRIMARY KEY");
                }
                primaryKey = keyColumns(key);
                primaryKeyPos = key.getParserPosition();
            } else {
                throw error(element.getParserPosition(), "Only columns and PRIMARY KEY are supported in CREATE TABLE");
            }
        }
        if (primaryKey == null) {
            if (columns.containsKey(GENERATED_KEY)) {
                throw error(positions.get(GENERATED_KEY), "Column '" + GENERATED_KEY
                        + "' is reserved for the generated key of tables without a PRIMARY KEY");
            }
            primaryKey = List.of(GENERATED_KEY);
            columns.put(GENERATED_KEY, AttributeType.S);
        }
        if (primaryKey.size() > 2) {
            throw error(primaryKeyPos, "PRIMARY KEY has " + primaryKey.size()
                    + " columns; Skiff keys are a partition key and an optional sort key");
        }
        KeyAttribute partition = keyAttribute(primaryKey.get(0), columns, primaryKeyPos);
        Optional<KeyAttribute> sort = primaryKey.size() == 2
                ? Optional.of(keyAttribute(primaryKey.get(1), columns, primaryKeyPos)) : Optional.empty();
        ColumnTypes.checkNullability(elements, primaryKey);
        return new TableSchema(table, partition, sort, columns);
    }

    private static List<String> keyColumns(SqlKeyConstraint key) {
        SqlNodeList list = (SqlNodeList) key.getOperandList().get(1);
        return list.getList().stream().map(node -> ((SqlIdentifier) node).getSimple()).toList();
    }

    private static KeyAttribute keyAttribute(String name, Map<String, AttributeType> columns, SqlParserPos pos) {
        AttributeType type = columns.get(name);
        if (type == null) {
            throw error(pos, "PRIMARY KEY column '" + name + "' is not a column of the table");
        }
        if (!type.isScalarKeyType()) {
            throw error(pos, "PRIMARY KEY column '" + name + "' must be a string, number or binary column");
        }
        return KeyAttribute.of(name, type);
    }

    private static String tableName(SqlIdentifier name) {
        return name.names.get(name.names.size() - 1);
    }

    static SkiffException error(SqlParserPos pos, String message) {
        return SkiffException.at(ErrorCode.VALIDATION_ERROR, Math.max(1, pos.getLineNum()),
                Math.max(1, pos.getColumnNum()), message);
    }
}
