package io.skiff.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's stored form of a table descriptor: small JSON, so that the catalog stays
 * readable with RocksDB's own tools and can grow fields without a migration.
 */
final class DescriptorJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DescriptorJson() {
    }

    static byte[] write(TableDescriptor descriptor) {
        TableSchema schema = descriptor.schema();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", descriptor.id());
        root.put("name", schema.name());
        root.set("partitionKey", keyNode(schema.partitionKey()));
        schema.sortKey().ifPresent(sort -> root.set("sortKey", keyNode(sort)));
        ObjectNode attributes = root.putObject("attributes");
        schema.declaredAttributes().forEach((name, type) -> attributes.put(name, type.name()));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Cannot write table descriptor", e);
        }
    }

    static TableDescriptor read(byte[] bytes) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            Map<String, AttributeType> attributes = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = root.path("attributes").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                attributes.put(field.getKey(), AttributeType.valueOf(field.getValue().asText()));
            }
            Optional<KeyAttribute> sortKey = root.has("sortKey")
                    ? Optional.of(keyAttribute(root.get("sortKey"))) : Optional.empty();
            TableSchema schema = new TableSchema(root.get("name").asText(), keyAttribute(root.get("partitionKey")),
                    sortKey, attributes);
            return new TableDescriptor(root.get("id").asLong(), schema);
        } catch (IOException | RuntimeException e) {
            throw new SkiffException(ErrorCode.STORAGE_ERROR, "Corrupt table descriptor in the catalog", e);
        }
    }

    private static ObjectNode keyNode(KeyAttribute key) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", key.name());
        node.put("type", key.type().name());
        return node;
    }

    private static KeyAttribute keyAttribute(JsonNode node) {
        return new KeyAttribute(node.get("name").asText(), AttributeType.valueOf(node.get("type").asText()));
    }
}
