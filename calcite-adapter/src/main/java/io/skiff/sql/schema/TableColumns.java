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
    public static final String DOCUMENT = io.skiff.sql.api.ColumnInfo.DOCUMENT;

    private final TableSchema schema;
    private final List<String> names;
    private final List<AttributeType> types;
    private final List<String> extended;

    public TableColumns(TableSchema schema) {
        this(schema, List.of());
    }

    /**
     * The columns of a table extended (SQL {@code EXTEND}) with undeclared attributes, which
     * follow the document column so that statements can write them like columns.
     */
    public TableColumns(TableSchema schema, List<String> extended) {
        this.schema = schema;
        this.extended = List.copyOf(extended);
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

    /** Index of any column (declared, document or extended) by name, or -1. */
    public int columnIndex(String name) {
        if (DOCUMENT.equals(name)) {
            return documentIndex();
        }
        int declared = names.indexOf(name);
        if (declared >= 0) {
            return declared;
        }
        int extra = extended.indexOf(name);
        return extra < 0 ? -1 : documentIndex() + 1 + extra;
    }

    /** Index of a declared column, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public boolean isDeclared(String name) {
        return names.contains(name);
    }

    /** Whether statements can name this column directly: declared, the document, or extended. */
    public boolean isColumn(String name) {
        return columnIndex(name) >= 0;
    }

    /** Index of the document column: after every declared column. */
    public int documentIndex() {
        return names.size();
    }

    /** Undeclared attributes written as columns, after the document column. */
    public List<String> extended() {
        return extended;
    }

    /** Every column, in order: declared columns, the document column, extended columns. */
    public int size() {
        return names.size() + 1 + extended.size();
    }

    /** These columns plus more undeclared attributes. */
    public TableColumns extend(List<String> more) {
        List<String> all = new ArrayList<>(extended);
        all.addAll(more);
        return new TableColumns(schema, all);
    }

    public RelDataType rowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder row = factory.builder();
        for (int i = 0; i < names.size(); i++) {
            // The generated key may be left out of an INSERT: the writer fills it in.
            boolean required = schema.isKeyAttribute(names.get(i)) && !names.get(i).equals(GENERATED_KEY);
            row.add(names.get(i), SqlTypes.of(factory, types.get(i), !required));
        }
        row.add(DOCUMENT, SqlTypes.document(factory));
        for (String name : extended) {
            row.add(name, factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true));
        }
        return row.build();
    }

    /** The SQL type name a column shows, for metadata. */
    public SqlTypeName sqlTypeOf(int column) {
        return column == documentIndex() ? SqlTypeName.MAP : SqlTypes.nameOf(types.get(column));
    }
}
