package io.skiff.protocol;

import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.protocol.v1.DeclaredAttribute;
import io.skiff.protocol.v1.KeyAttribute;
import io.skiff.protocol.v1.KeyType;
import io.skiff.protocol.v1.TableDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Converts table schemas between the core model and the wire. */
public final class ProtoTables {

    private ProtoTables() {
    }

    /** The wire description of a table. */
    public static TableDescription toProto(TableSchema schema) {
        TableDescription.Builder wire = TableDescription.newBuilder()
                .setTableName(schema.name())
                .setPartitionKey(toProto(schema.partitionKey()))
                .setTableStatus("ACTIVE");
        schema.sortKey().ifPresent(key -> wire.setSortKey(toProto(key)));
        schema.declaredAttributes().forEach((name, type) ->
                wire.addDeclaredAttributes(DeclaredAttribute.newBuilder().setName(name).setType(type.name())));
        return wire.build();
    }

    /** The schema a wire description gives. */
    public static TableSchema fromProto(TableDescription wire) {
        Map<String, AttributeType> declared = new LinkedHashMap<>();
        for (DeclaredAttribute attribute : wire.getDeclaredAttributesList()) {
            declared.put(attribute.getName(), AttributeType.fromTag(attribute.getType()));
        }
        Optional<io.skiff.core.schema.KeyAttribute> sortKey = wire.hasSortKey()
                ? Optional.of(fromProto(wire.getSortKey())) : Optional.empty();
        return new TableSchema(wire.getTableName(), fromProto(wire.getPartitionKey()), sortKey, declared);
    }

    public static KeyAttribute toProto(io.skiff.core.schema.KeyAttribute key) {
        return KeyAttribute.newBuilder().setName(key.name()).setType(KeyType.valueOf(key.type().name())).build();
    }

    /** A key attribute from the wire; a missing name or type is refused. */
    public static io.skiff.core.schema.KeyAttribute fromProto(KeyAttribute wire) {
        if (wire.getType() == KeyType.KEY_TYPE_UNSPECIFIED || wire.getType() == KeyType.UNRECOGNIZED) {
            throw SkiffException.validation("The key attribute '" + wire.getName() + "' needs a type: S, N or B");
        }
        return io.skiff.core.schema.KeyAttribute.of(wire.getName(), AttributeType.valueOf(wire.getType().name()));
    }
}
