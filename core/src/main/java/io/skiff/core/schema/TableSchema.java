package io.skiff.core.schema;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeNames;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a table declares: its name, its partition key, an optional sort key, and optionally the
 * types of further attributes. Attributes that are not declared are free: any item may carry
 * them with any type.
 *
 * @param name the table name: 3 to 255 characters of {@code [A-Za-z0-9_.-]}
 * @param partitionKey the partition key attribute
 * @param sortKey the sort key attribute, if the table has one
 * @param declaredAttributes further attributes whose type every item must respect when present
 */
public record TableSchema(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                          Map<String, AttributeType> declaredAttributes) {

    /** Largest encoded size of a partition key value, like the reference system. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    /** Largest encoded size of a sort key value, like the reference system. */
    public static final int MAX_SORT_KEY_BYTES = 1024;

    public TableSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(declaredAttributes, "declaredAttributes");
        AttributeNames.validateTableName(name);
        if (sortKey.isPresent() && sortKey.get().name().equals(partitionKey.name())) {
            throw SkiffException.validation("Table '" + name + "': the sort key '" + partitionKey.name()
                    + "' may not be the partition key too");
        }
        LinkedHashMap<String, AttributeType> declared = new LinkedHashMap<>(declaredAttributes);
        checkDeclaredKeyType(declared, partitionKey);
        sortKey.ifPresent(key -> checkDeclaredKeyType(declared, key));
        declaredAttributes = Collections.unmodifiableMap(declared);
    }

    /** A table keyed by a partition key only. */
    public static TableSchema of(String name, KeyAttribute partitionKey) {
        return new TableSchema(name, partitionKey, Optional.empty(), Map.of());
    }

    /** A table keyed by a partition key and a sort key. */
    public static TableSchema of(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
        return new TableSchema(name, partitionKey, Optional.of(sortKey), Map.of());
    }

    /** This schema under another table name (for restores and renames). */
    public TableSchema withName(String newName) {
        return new TableSchema(newName, partitionKey, sortKey, declaredAttributes);
    }

    /** This schema with one more declared attribute type. */
    public TableSchema withAttribute(String attribute, AttributeType type) {
        LinkedHashMap<String, AttributeType> declared = new LinkedHashMap<>(declaredAttributes);
        declared.put(attribute, type);
        return new TableSchema(name, partitionKey, sortKey, declared);
    }

    /** Whether the named attribute is a key attribute of this table. */
    public boolean isKeyAttribute(String attribute) {
        return partitionKey.name().equals(attribute)
                || sortKey.map(key -> key.name().equals(attribute)).orElse(false);
    }

    /**
     * Checks a key given by a caller: exactly the key attributes, with the declared types and
     * valid values. Returns the key, for chaining.
     */
    public Item checkKey(Item key) {
        int expected = sortKey.isPresent() ? 2 : 1;
        checkKeyValue(key, partitionKey, "key");
        sortKey.ifPresent(sort -> checkKeyValue(key, sort, "key"));
        if (key.size() != expected) {
            throw SkiffException.validation("The provided key for table '" + name
                    + "' does not match the schema: expected only " + keyNames() + ", got " + key.names());
        }
        return key;
    }

    /** Checks an item to be stored: key attributes present and valid, declared types respected. */
    public Item checkItem(Item item) {
        checkKeyValue(item, partitionKey, "item");
        sortKey.ifPresent(sort -> checkKeyValue(item, sort, "item"));
        for (Map.Entry<String, AttributeType> declared : declaredAttributes.entrySet()) {
            AttributeValue value = item.get(declared.getKey());
            if (value != null && value.type() != declared.getValue() && value.type() != AttributeType.NULL
                    && !isKeyAttribute(declared.getKey())) {
                throw SkiffException.validation("Attribute '" + declared.getKey() + "' of table '" + name
                        + "' is declared as " + declared.getValue() + " but the item has type " + value.type());
            }
        }
        return item;
    }

    /** The key attributes of an item, which must have them. */
    public Item keyOf(Item item) {
        Item.Builder key = Item.builder().put(partitionKey.name(), item.get(partitionKey.name()));
        sortKey.ifPresent(sort -> key.put(sort.name(), item.get(sort.name())));
        return key.build();
    }

    private String keyNames() {
        return sortKey.map(sort -> "[" + partitionKey.name() + ", " + sort.name() + "]")
                .orElse("[" + partitionKey.name() + "]");
    }

    private void checkKeyValue(Item item, KeyAttribute key, String what) {
        AttributeValue value = item.get(key.name());
        if (value == null) {
            throw SkiffException.validation("Missing the key attribute '" + key.name() + "' in the " + what
                    + " for table '" + name + "'");
        }
        if (value.type() != key.type()) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' of table '" + name
                    + "' has type " + key.type() + " but the " + what + " gives " + value.type());
        }
        int limit = key == partitionKey ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
        int length = rawLength(value);
        if (length == 0) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' of table '" + name
                    + "' may not be an empty " + (value.type() == AttributeType.S ? "string" : "binary"));
        }
        if (length > limit) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' of table '" + name + "' is "
                    + length + " bytes long; the limit is " + limit + " bytes");
        }
    }

    /** UTF-8 or byte length of S and B keys; numbers are always short enough and never empty. */
    private static int rawLength(AttributeValue value) {
        if (value instanceof StringValue s) {
            return s.value().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value instanceof BinaryValue b) {
            return b.value().length();
        }
        return 1;
    }

    private static void checkDeclaredKeyType(Map<String, AttributeType> declared, KeyAttribute key) {
        AttributeType type = declared.get(key.name());
        if (type != null && type != key.type()) {
            throw SkiffException.validation("Key attribute '" + key.name() + "' is declared twice, as "
                    + key.type() + " and as " + type);
        }
        declared.remove(key.name());
    }
}
