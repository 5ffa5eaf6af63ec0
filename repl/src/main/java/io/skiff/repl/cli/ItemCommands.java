package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.v1.DeleteItemRequest;
import io.skiff.protocol.v1.GetItemRequest;
import io.skiff.protocol.v1.GetItemResponse;
import io.skiff.protocol.v1.ItemServiceGrpc;
import io.skiff.protocol.v1.PutItemRequest;
import io.skiff.protocol.v1.QueryRequest;
import io.skiff.protocol.v1.ReadPageResponse;
import io.skiff.protocol.v1.ReturnValue;
import io.skiff.protocol.v1.ScanRequest;
import io.skiff.protocol.v1.Select;
import io.skiff.protocol.v1.UpdateItemRequest;
import io.skiff.protocol.v1.WriteItemResponse;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** put-item, get-item, update-item, delete-item, query, scan: DynamoDB's item calls. */
final class ItemCommands {

    private ItemCommands() {
    }

    static ReturnValue returnValue(String name) {
        if (name == null) {
            return ReturnValue.NONE;
        }
        try {
            return ReturnValue.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SkiffException.validation("--return-values '" + name + "' must be NONE, ALL_OLD, UPDATED_OLD,"
                    + " ALL_NEW or UPDATED_NEW");
        }
    }

    private static ObjectNode written(WriteItemResponse response) {
        ObjectNode result = CliIo.object();
        if (response.hasAttributes()) {
            result.set("Attributes", CliIo.itemJson(response.getAttributes()));
        }
        return result;
    }

    static ObjectNode page(ReadPageResponse page) {
        ObjectNode result = CliIo.object();
        ArrayNode items = result.putArray("Items");
        page.getItemsList().forEach(item -> items.add(CliIo.itemJson(item)));
        result.put("Count", page.getCount()).put("ScannedCount", page.getScannedCount());
        if (page.hasLastEvaluatedKey()) {
            result.set("LastEvaluatedKey", CliIo.itemJson(page.getLastEvaluatedKey()));
        }
        return result;
    }

    @Command(name = "put-item", description = "Write an item, replacing any with its key.")
    static final class Put extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--item", required = true, paramLabel = "JSON", description = "DynamoDB JSON, @FILE or -.")
        String item;
        @Option(names = "--condition-expression", paramLabel = "EXPR")
        String condition;
        @Option(names = "--return-values", paramLabel = "NONE|ALL_OLD")
        String returnValues;
        @Mixin
        Placeholders placeholders;

        Put(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            PutItemRequest.Builder request = PutItemRequest.newBuilder().setTableName(table)
                    .setItem(io.item("--item", item)).setPlaceholders(placeholders.toProto(io))
                    .setReturnValues(returnValue(returnValues));
            if (condition != null) {
                request.setConditionExpression(condition);
            }
            io.print(written(ItemServiceGrpc.newBlockingStub(channel).putItem(request.build())));
        }
    }

    @Command(name = "get-item", description = "Read an item by its key.")
    static final class Get extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--key", required = true, paramLabel = "JSON")
        String key;
        @Option(names = "--projection-expression", paramLabel = "EXPR")
        String projection;
        @Option(names = "--consistent-read")
        boolean consistentRead;
        @Mixin
        Placeholders placeholders;

        Get(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            GetItemRequest.Builder request = GetItemRequest.newBuilder().setTableName(table)
                    .setKey(io.item("--key", key)).setPlaceholders(placeholders.toProto(io))
                    .setConsistentRead(consistentRead);
            if (projection != null) {
                request.setProjectionExpression(projection);
            }
            GetItemResponse response = ItemServiceGrpc.newBlockingStub(channel).getItem(request.build());
            ObjectNode result = CliIo.object();
            if (response.hasItem()) {
                result.set("Item", CliIo.itemJson(response.getItem()));
            }
            io.print(result);
        }
    }

    @Command(name = "update-item", description = "Change an item with an update expression.")
    static final class Update extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--key", required = true, paramLabel = "JSON")
        String key;
        @Option(names = "--update-expression", required = true, paramLabel = "EXPR")
        String update;
        @Option(names = "--condition-expression", paramLabel = "EXPR")
        String condition;
        @Option(names = "--return-values", paramLabel = "VALUE")
        String returnValues;
        @Mixin
        Placeholders placeholders;

        Update(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            UpdateItemRequest.Builder request = UpdateItemRequest.newBuilder().setTableName(table)
                    .setKey(io.item("--key", key)).setUpdateExpression(update)
                    .setPlaceholders(placeholders.toProto(io)).setReturnValues(returnValue(returnValues));
            if (condition != null) {
                request.setConditionExpression(condition);
            }
            io.print(written(ItemServiceGrpc.newBlockingStub(channel).updateItem(request.build())));
        }
    }

    @Command(name = "delete-item", description = "Delete an item by its key.")
    static final class Delete extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--key", required = true, paramLabel = "JSON")
        String key;
        @Option(names = "--condition-expression", paramLabel = "EXPR")
        String condition;
        @Option(names = "--return-values", paramLabel = "NONE|ALL_OLD")
        String returnValues;
        @Mixin
        Placeholders placeholders;

        Delete(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            DeleteItemRequest.Builder request = DeleteItemRequest.newBuilder().setTableName(table)
                    .setKey(io.item("--key", key)).setPlaceholders(placeholders.toProto(io))
                    .setReturnValues(returnValue(returnValues));
            if (condition != null) {
                request.setConditionExpression(condition);
            }
            io.print(written(ItemServiceGrpc.newBlockingStub(channel).deleteItem(request.build())));
        }
    }

    @Command(name = "query", description = "Read one partition, optionally a sort-key range: one page.")
    static final class Query extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--key-condition-expression", required = true, paramLabel = "EXPR")
        String keyCondition;
        @Option(names = "--filter-expression", paramLabel = "EXPR")
        String filter;
        @Option(names = "--projection-expression", paramLabel = "EXPR")
        String projection;
        @Option(names = "--limit", paramLabel = "N")
        Integer limit;
        @Option(names = "--exclusive-start-key", paramLabel = "JSON")
        String startKey;
        @Option(names = "--no-scan-index-forward", description = "Read the sort key descending.")
        boolean backwards;
        @Option(names = "--select", paramLabel = "ALL_ATTRIBUTES|COUNT")
        Select select;
        @Mixin
        Placeholders placeholders;

        Query(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            QueryRequest.Builder request = QueryRequest.newBuilder().setTableName(table)
                    .setKeyConditionExpression(keyCondition).setPlaceholders(placeholders.toProto(io))
                    .setScanIndexForward(!backwards);
            if (filter != null) {
                request.setFilterExpression(filter);
            }
            if (projection != null) {
                request.setProjectionExpression(projection);
            }
            if (limit != null) {
                request.setLimit(limit);
            }
            if (startKey != null) {
                request.setExclusiveStartKey(io.item("--exclusive-start-key", startKey));
            }
            if (select != null) {
                request.setSelect(select);
            }
            io.print(page(ItemServiceGrpc.newBlockingStub(channel).query(request.build())));
        }
    }

    @Command(name = "scan", description = "Read a table (or one segment of it): one page.")
    static final class Scan extends ApiCommand {
        @Option(names = "--table-name", required = true, paramLabel = "NAME")
        String table;
        @Option(names = "--filter-expression", paramLabel = "EXPR")
        String filter;
        @Option(names = "--projection-expression", paramLabel = "EXPR")
        String projection;
        @Option(names = "--limit", paramLabel = "N")
        Integer limit;
        @Option(names = "--exclusive-start-key", paramLabel = "JSON")
        String startKey;
        @Option(names = "--segment", paramLabel = "N", defaultValue = "0")
        int segment;
        @Option(names = "--total-segments", paramLabel = "N", defaultValue = "0")
        int totalSegments;
        @Option(names = "--select", paramLabel = "ALL_ATTRIBUTES|COUNT")
        Select select;
        @Mixin
        Placeholders placeholders;

        Scan(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            ScanRequest.Builder request = ScanRequest.newBuilder().setTableName(table)
                    .setPlaceholders(placeholders.toProto(io)).setSegment(segment).setTotalSegments(totalSegments);
            if (filter != null) {
                request.setFilterExpression(filter);
            }
            if (projection != null) {
                request.setProjectionExpression(projection);
            }
            if (limit != null) {
                request.setLimit(limit);
            }
            if (startKey != null) {
                request.setExclusiveStartKey(io.item("--exclusive-start-key", startKey));
            }
            if (select != null) {
                request.setSelect(select);
            }
            io.print(page(ItemServiceGrpc.newBlockingStub(channel).scan(request.build())));
        }
    }
}
