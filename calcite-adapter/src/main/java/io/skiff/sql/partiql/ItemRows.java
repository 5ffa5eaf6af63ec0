package io.skiff.sql.partiql;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.exec.JdbcValues;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How PartiQL's items look as rows of a result set. A SELECT list gives one column per selected
 * path, named as DynamoDB names the attribute ({@code info.tags[1]} is {@code tags[1]}) and typed
 * at run time; an item lacking the path has NULL there. Whole items ({@code SELECT *} and
 * RETURNING) look as they do in SQL: the key attributes as typed columns, then {@code _doc}, a
 * map of every other attribute.
 */
final class ItemRows {

    /** The column holding the attributes that have no column of their own, as in SQL. */
    static final String DOCUMENT_COLUMN = ColumnInfo.DOCUMENT;

    private final List<ColumnInfo> columns;
    private final List<String> keyNames;
    private final boolean wholeItems;

    private ItemRows(List<ColumnInfo> columns, List<String> keyNames, boolean wholeItems) {
        this.columns = columns;
        this.keyNames = keyNames;
        this.wholeItems = wholeItems;
    }

    /** The rows of a prepared statement that returns items. */
    static ItemRows of(PartiqlStatement statement) {
        TableSchema schema = statement.schema();
        List<String> selected = statement.selectedNames();
        if (!selected.isEmpty()) {
            List<ColumnInfo> columns = new ArrayList<>();
            for (String name : selected) {
                columns.add(new ColumnInfo(name, Types.JAVA_OBJECT, "ANY", true, 0, 0, schema.name()));
            }
            return new ItemRows(List.copyOf(columns), List.of(), false);
        }
        // A write's RETURNING MODIFIED ... may come back without the keys.
        boolean keysAlwaysThere = statement.kind() == PartiqlStatement.Kind.SELECT;
        List<ColumnInfo> columns = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(schema.partitionKey());
        schema.sortKey().ifPresent(keys::add);
        for (KeyAttribute key : keys) {
            keyNames.add(key.name());
            columns.add(keyColumn(key, schema.name(), !keysAlwaysThere));
        }
        columns.add(new ColumnInfo(DOCUMENT_COLUMN, Types.OTHER, "MAP", true, 0, 0, schema.name()));
        return new ItemRows(List.copyOf(columns), List.copyOf(keyNames), true);
    }

    private static ColumnInfo keyColumn(KeyAttribute key, String table, boolean nullable) {
        return switch (key.type()) {
            case S -> new ColumnInfo(key.name(), Types.VARCHAR, "VARCHAR", nullable, 0, 0, table);
            case N -> new ColumnInfo(key.name(), Types.DECIMAL, "DECIMAL", nullable, 0, 0, table);
            case B -> new ColumnInfo(key.name(), Types.VARBINARY, "VARBINARY", nullable, 0, 0, table);
            default -> throw new IllegalStateException("a key attribute of type " + key.type());
        };
    }

    List<ColumnInfo> columns() {
        return columns;
    }

    /** One item as a row of {@link #columns()}. */
    Object[] row(Item item) {
        Object[] row = new Object[columns.size()];
        if (!wholeItems) {
            for (int i = 0; i < row.length; i++) {
                row[i] = valueOf(item, columns.get(i).name());
            }
            return row;
        }
        for (int i = 0; i < keyNames.size(); i++) {
            row[i] = valueOf(item, keyNames.get(i));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
            if (!keyNames.contains(attribute.getKey())) {
                document.put(attribute.getKey(), JdbcValues.ofAttribute(attribute.getValue()));
            }
        }
        row[row.length - 1] = document;
        return row;
    }

    private static Object valueOf(Item item, String name) {
        return item.find(name).map(JdbcValues::ofAttribute).orElse(null);
    }
}
