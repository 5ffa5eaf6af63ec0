package io.skiff.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.storage.api.IndexDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
        root.put("nextIndexId", descriptor.nextIndexId());
        ArrayNode indexes = root.putArray("indexes");
        for (IndexDescriptor index : descriptor.indexes()) {
            ObjectNode node = indexes.addObject();
            node.put("id", index.id());
            node.put("name", index.name());
            node.put("attribute", index.definition().attribute());
            node.put("plugin", index.definition().plugin());
            node.put("state", index.state().name());
            ObjectNode options = node.putObject("options");
            index.definition().options().forEach(options::put);
        }
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
            List<IndexDescriptor> indexes = new ArrayList<>();
            for (JsonNode node : root.path("indexes")) {
                Map<String, String> options = new LinkedHashMap<>();
                node.path("options").fields().forEachRemaining(option -> options.put(option.getKey(),
                        option.getValue().asText()));
                IndexDefinition definition = new IndexDefinition(node.get("name").asText(), schema.name(),
                        node.get("attribute").asText(), node.get("plugin").asText(), options);
                // Descriptors written before online builds have no state: their indexes were complete.
                IndexState state = IndexState.valueOf(node.path("state").asText(IndexState.READY.name()));
                indexes.add(IndexDescriptor.of(node.get("id").asInt(), definition, IndexMethods.configure(definition),
                        state));
            }
            return new TableDescriptor(root.get("id").asLong(), schema, indexes, root.path("nextIndexId").asInt(1));
        } catch (SkiffException e) {
            throw e;
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
