package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.BatchWriteItemRequest;
import io.skiff.protocol.v1.ConditionCheck;
import io.skiff.protocol.v1.DeleteItemRequest;
import io.skiff.protocol.v1.ExpressionPlaceholders;
import io.skiff.protocol.v1.ItemServiceGrpc;
import io.skiff.protocol.v1.PutItemRequest;
import io.skiff.protocol.v1.TableWriteRequests;
import io.skiff.protocol.v1.TransactWriteItem;
import io.skiff.protocol.v1.TransactWriteItemsRequest;
import io.skiff.protocol.v1.UpdateItemRequest;
import io.skiff.protocol.v1.WriteRequest;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** batch-write and transact-write, taking their requests in DynamoDB's JSON shape. */
final class BatchCommands {

    private BatchCommands() {
    }

    private static io.skiff.protocol.v1.Item item(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw SkiffException.validation(where + " needs \"" + field + "\": an item in DynamoDB JSON");
        }
        return ProtoValues.toProto(ItemJson.readItem(value));
    }

    private static String text(JsonNode node, String field, boolean required, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw SkiffException.validation(where + " needs \"" + field + "\"");
            }
            return "";
        }
        return value.asText();
    }

    private static ExpressionPlaceholders placeholders(JsonNode node) {
        ExpressionPlaceholders.Builder wire = ExpressionPlaceholders.newBuilder();
        JsonNode names = node.get("ExpressionAttributeNames");
        if (names != null) {
            names.fields().forEachRemaining(name -> wire.putNames(name.getKey(), name.getValue().asText()));
        }
        JsonNode values = node.get("ExpressionAttributeValues");
        if (values != null) {
            values.fields().forEachRemaining(value -> wire.putValues(value.getKey(),
                    ProtoValues.toProto(ItemJson.readValue(value.getValue()))));
        }
        return wire.build();
    }

    @Command(name = "batch-write", description = "Up to 25 puts and deletes: {\"Table\": [{\"PutRequest\":"
            + " {\"Item\": ...}}, {\"DeleteRequest\": {\"Key\": ...}}]}.")
    static final class BatchWrite extends ApiCommand {
        @Option(names = "--request-items", required = true, paramLabel = "JSON")
        String requestItems;

        BatchWrite(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            JsonNode tables = io.json("--request-items", requestItems);
            BatchWriteItemRequest.Builder request = BatchWriteItemRequest.newBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                TableWriteRequests.Builder writes = TableWriteRequests.newBuilder();
                for (JsonNode write : table.getValue()) {
                    if (write.has("PutRequest")) {
                        writes.addRequests(WriteRequest.newBuilder().setPutItem(
                                item(write.get("PutRequest"), "Item", "A PutRequest")));
                    } else if (write.has("DeleteRequest")) {
                        writes.addRequests(WriteRequest.newBuilder().setDeleteKey(
                                item(write.get("DeleteRequest"), "Key", "A DeleteRequest")));
                    } else {
                        throw SkiffException.validation("Each write of table '" + table.getKey()
                                + "' is a PutRequest or a DeleteRequest");
                    }
                }
                request.putRequestItems(table.getKey(), writes.build());
            }
            ItemServiceGrpc.newBlockingStub(channel).batchWriteItem(request.build());
            io.print(CliIo.object().set("UnprocessedItems", CliIo.object()));
        }
    }

    @Command(name = "transact-write", description = "Up to 100 writes, all or nothing: [{\"Put\": {...}},"
            + " {\"Update\": {...}}, {\"Delete\": {...}}, {\"ConditionCheck\": {...}}].")
    static final class TransactWrite extends ApiCommand {
        @Option(names = "--transact-items", required = true, paramLabel = "JSON")
        String transactItems;
        @Option(names = "--client-request-token", paramLabel = "TOKEN")
        String token;

        TransactWrite(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            JsonNode items = io.json("--transact-items", transactItems);
            if (!items.isArray()) {
                throw SkiffException.validation("--transact-items must be a JSON array");
            }
            TransactWriteItemsRequest.Builder request = TransactWriteItemsRequest.newBuilder();
            if (token != null) {
                request.setClientRequestToken(token);
            }
            for (JsonNode entry : items) {
                request.addTransactItems(transactItem(entry));
            }
            ItemServiceGrpc.newBlockingStub(channel).transactWriteItems(request.build());
            io.print(CliIo.object());
        }

        private static TransactWriteItem transactItem(JsonNode entry) {
            TransactWriteItem.Builder item = TransactWriteItem.newBuilder();
            if (entry.has("Put")) {
                JsonNode put = entry.get("Put");
                item.setPut(PutItemRequest.newBuilder().setTableName(text(put, "TableName", true, "A Put"))
                        .setItem(item(put, "Item", "A Put"))
                        .setConditionExpression(text(put, "ConditionExpression", false, "A Put"))
                        .setPlaceholders(placeholders(put)));
            } else if (entry.has("Update")) {
                JsonNode update = entry.get("Update");
                item.setUpdate(UpdateItemRequest.newBuilder().setTableName(text(update, "TableName", true, "An Update"))
                        .setKey(item(update, "Key", "An Update"))
                        .setUpdateExpression(text(update, "UpdateExpression", true, "An Update"))
                        .setConditionExpression(text(update, "ConditionExpression", false, "An Update"))
                        .setPlaceholders(placeholders(update)));
            } else if (entry.has("Delete")) {
                JsonNode delete = entry.get("Delete");
                item.setDelete(DeleteItemRequest.newBuilder().setTableName(text(delete, "TableName", true, "A Delete"))
                        .setKey(item(delete, "Key", "A Delete"))
                        .setConditionExpression(text(delete, "ConditionExpression", false, "A Delete"))
                        .setPlaceholders(placeholders(delete)));
            } else if (entry.has("ConditionCheck")) {
                JsonNode check = entry.get("ConditionCheck");
                item.setConditionCheck(ConditionCheck.newBuilder()
                        .setTableName(text(check, "TableName", true, "A ConditionCheck"))
                        .setKey(item(check, "Key", "A ConditionCheck"))
                        .setConditionExpression(text(check, "ConditionExpression", true, "A ConditionCheck"))
                        .setPlaceholders(placeholders(check)));
            } else {
                throw SkiffException.validation("Each transact item is a Put, an Update, a Delete or a ConditionCheck");
            }
            return item.build();
        }
    }
}
