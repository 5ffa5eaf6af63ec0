package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.ExpressionPlaceholders;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --expression-attribute-names} and {@code --expression-attribute-values}, as in DynamoDB's CLI. */
final class Placeholders {

    @Option(names = "--expression-attribute-names", paramLabel = "JSON",
            description = "Name placeholders, e.g. '{\"#n\": \"name\"}'.")
    String names;

    @Option(names = "--expression-attribute-values", paramLabel = "JSON",
            description = "Value placeholders in DynamoDB JSON, e.g. '{\":v\": {\"N\": \"1\"}}'.")
    String values;

    ExpressionPlaceholders toProto(CliIo io) {
        ExpressionPlaceholders.Builder wire = ExpressionPlaceholders.newBuilder();
        if (names != null) {
            JsonNode node = io.json("--expression-attribute-names", names);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> name = it.next();
                if (!name.getValue().isTextual()) {
                    throw SkiffException.validation("--expression-attribute-names maps placeholders to names;"
                            + " '" + name.getKey() + "' is not a string");
                }
                wire.putNames(name.getKey(), name.getValue().asText());
            }
        }
        if (values != null) {
            JsonNode node = io.json("--expression-attribute-values", values);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> value = it.next();
                wire.putValues(value.getKey(), ProtoValues.toProto(ItemJson.readValue(value.getValue())));
            }
        }
        return wire.build();
    }
}
