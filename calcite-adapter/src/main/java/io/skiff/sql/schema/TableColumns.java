package io.skiff.sql.schema;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL columns of a table: the partition key, the sort key, the declared attributes, and
 * last the document column {@value #DOCUMENT} that holds every other attribute as a map, so
 * that {@code SELECT *} loses nothing.
 */
public final class TableColumns {

    /** The partition key of tables created without a primary key (see the DDL executor). */
    public static final String GENERATED_KEY = "_id";

    /** The column holding the attributes a table does not declare. */
    public static final String DOCUMENT = "_doc";

    private final TableSchema schema;
    private final List<String> names;
    private final List<AttributeType> types;

    public TableColumns(TableSchema schema) {
        this.schema = schema;
        List<String> columnNames = new ArrayList<>();
        List<AttributeType> columnTypes = new ArrayList<>();
        add(columnNames, columnTypes, schema.partitionKey());
        schema.sortKey().ifPresent(sort -> add(columnNames, columnTypes, sort));
        schema.declaredAttributes().forEach((name, type) -> {
            columnNames.add(name);
            columnTypes.add(type);
        });
        this.names = Collections.unmodifiableList(columnNames);
        this.types = Collections.unmodifiableList(columnTypes);
    }

    private static void add(List<String> names, List<AttributeType> types, KeyAttribute key) {
        names.add(key.name());
        types.add(key.type());
    }

    public TableSchema schema() {
        return schema;
    }

    /** The declared columns (keys first), without the document column. */
    public List<String> declared() {
        return names;
    }

    public AttributeType typeOf(int column) {
        return types.get(column);
    }

    /** Index of a declared column, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public boolean isDeclared(String name) {
        return names.contains(name);
    }

    /** Index of the document column: after every declared column. */
    public int documentIndex() {
        return names.size();
    }

    /** Every column, in order: declared columns, then the document column. */
    public int size() {
        return names.size() + 1;
    }

    public RelDataType rowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder row = factory.builder();
        for (int i = 0; i < names.size(); i++) {
            // The generated key may be left out of an INSERT: the writer fills it in.
            boolean required = schema.isKeyAttribute(names.get(i)) && !names.get(i).equals(GENERATED_KEY);
            row.add(names.get(i), SqlTypes.of(factory, types.get(i), !required));
        }
        row.add(DOCUMENT, SqlTypes.document(factory));
        return row.build();
    }

    /** The SQL type name a column shows, for metadata. */
    public SqlTypeName sqlTypeOf(int column) {
        return column == documentIndex() ? SqlTypeName.MAP : SqlTypes.nameOf(types.get(column));
    }
}
