package io.skiff.sql.schema;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NullValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns items into SQL rows (declared columns, then the document column with every other
 * attribute) and rows back into items.
 */
public final class RowMapper {

    private final TableColumns columns;

    public RowMapper(TableColumns columns) {
        this.columns = columns;
    }

    public TableColumns columns() {
        return columns;
    }

    public Object[] toRow(Item item) {
        Object[] row = new Object[columns.size()];
        Map<String, Object> document = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
            int index = columns.indexOf(attribute.getKey());
            Object value = SqlValues.toSql(attribute.getValue());
            if (index >= 0) {
                row[index] = value;
            } else {
                document.put(attribute.getKey(), value);
            }
        }
        row[columns.documentIndex()] = document;
        for (int i = 0; i < columns.extended().size(); i++) {
            row[columns.documentIndex() + 1 + i] = document.get(columns.extended().get(i));
        }
        return row;
    }

    /** The item a row describes; NULL declared columns are left out, like absent attributes. */
    public Item toItem(Object[] row) {
        Item.Builder item = Item.builder();
        for (int i = 0; i < columns.declared().size(); i++) {
            AttributeValue value = SqlValues.fromSql(row[i]);
            if (!(value instanceof NullValue)) {
                item.put(columns.declared().get(i), value);
            }
        }
        Object document = row[columns.documentIndex()];
        if (document instanceof Map<?, ?> attributes) {
            for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
                String name = String.valueOf(attribute.getKey());
                if (columns.isDeclared(name)) {
                    throw SkiffException.validation("Attribute '" + name
                            + "' is a declared column; set it as a column, not inside " + TableColumns.DOCUMENT);
                }
                item.put(name, SqlValues.fromSql(attribute.getValue()));
            }
        } else if (document != null) {
            throw SkiffException.validation("Column " + TableColumns.DOCUMENT + " must be a map of attributes");
        }
        Item built = item.build();
        // Extended columns win over the document: they are what the statement wrote. NULL removes.
        for (int i = 0; i < columns.extended().size(); i++) {
            String name = columns.extended().get(i);
            Object value = row[columns.documentIndex() + 1 + i];
            built = value == null ? built.without(name) : built.with(name, SqlValues.fromSql(value));
        }
        return built;
    }
}
