package io.skiff.server;

import io.grpc.stub.StreamObserver;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import io.skiff.parser.expressions.KeyCondition;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.BatchGetItemRequest;
import io.skiff.protocol.v1.BatchGetItemResponse;
import io.skiff.protocol.v1.BatchWriteItemRequest;
import io.skiff.protocol.v1.BatchWriteItemResponse;
import io.skiff.protocol.v1.DeleteItemRequest;
import io.skiff.protocol.v1.GetItemRequest;
import io.skiff.protocol.v1.GetItemResponse;
import io.skiff.protocol.v1.ItemServiceGrpc;
import io.skiff.protocol.v1.KeysAndAttributes;
import io.skiff.protocol.v1.PutItemRequest;
import io.skiff.protocol.v1.QueryRequest;
import io.skiff.protocol.v1.ReadPageResponse;
import io.skiff.protocol.v1.ScanRequest;
import io.skiff.protocol.v1.Select;
import io.skiff.protocol.v1.TableItems;
import io.skiff.protocol.v1.TableWriteRequests;
import io.skiff.protocol.v1.TransactGetItemsRequest;
import io.skiff.protocol.v1.TransactGetItemsResponse;
import io.skiff.protocol.v1.TransactWriteItemsRequest;
import io.skiff.protocol.v1.TransactWriteItemsResponse;
import io.skiff.protocol.v1.UpdateItemRequest;
import io.skiff.protocol.v1.WriteItemResponse;
import io.skiff.sql.partiql.ClientTokens;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.SortKeyCondition;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.api.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The item API: DynamoDB's item calls and expression strings over the store. */
final class ItemEndpoint extends ItemServiceGrpc.ItemServiceImplBase {

    private final ItemStore store;
    private final ClientTokens<TransactWriteItemsResponse> tokens = new ClientTokens<>(java.time.Clock.systemUTC());

    ItemEndpoint(ItemStore store) {
        this.store = store;
    }

    @Override
    public void putItem(PutItemRequest request, StreamObserver<WriteItemResponse> observer) {
        Calls.answer(observer, "PutItem", () -> written(store.put(put(request))));
    }

    @Override
    public void getItem(GetItemRequest request, StreamObserver<GetItemResponse> observer) {
        Calls.answer(observer, "GetItem", () -> {
            GetItemResponse.Builder response = GetItemResponse.newBuilder();
            reader(request.getConsistentRead()).get(get(request)).map(ProtoValues::toProto)
                    .ifPresent(response::setItem);
            return response.build();
        });
    }

    @Override
    public void updateItem(UpdateItemRequest request, StreamObserver<WriteItemResponse> observer) {
        Calls.answer(observer, "UpdateItem", () -> written(store.update(update(request))));
    }

    @Override
    public void deleteItem(DeleteItemRequest request, StreamObserver<WriteItemResponse> observer) {
        Calls.answer(observer, "DeleteItem", () -> written(store.delete(delete(request))));
    }

    @Override
    public void query(QueryRequest request, StreamObserver<ReadPageResponse> observer) {
        Calls.answer(observer, "Query", () -> {
            ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
            if (request.getKeyConditionExpression().isBlank()) {
                throw SkiffException.validation("Query needs a KeyConditionExpression: the partition key with =");
            }
            KeyCondition key = expressions.parser().keyCondition(request.getKeyConditionExpression(),
                    store.describeTable(request.getTableName()));
            Query query = Query.partition(request.getTableName(), key.partitionValue())
                    .limit(ItemRequests.limit(request.hasLimit(), request.getLimit()))
                    .project(expressions.projection(request.getProjectionExpression()));
            if (key.sortKey().isPresent()) {
                io.skiff.parser.expressions.SortKeyCondition sort = key.sortKey().get();
                query = query.where(new SortKeyCondition(SortKeyCondition.Operator.valueOf(sort.operator().name()),
                        sort.value(), sort.upper()));
            }
            Optional<io.skiff.core.expr.Condition> filter = expressions.filter(request.getFilterExpression());
            if (filter.isPresent()) {
                query = query.filter(filter.get());
            }
            if (request.hasScanIndexForward() && !request.getScanIndexForward()) {
                query = query.reverse();
            }
            if (request.hasExclusiveStartKey()) {
                query = query.startAfter(ProtoValues.fromProto(request.getExclusiveStartKey()));
            }
            expressions.requireAllPlaceholdersUsed();
            return page(reader(request.getConsistentRead()).query(query), request.getSelect());
        });
    }

    @Override
    public void scan(ScanRequest request, StreamObserver<ReadPageResponse> observer) {
        Calls.answer(observer, "Scan", () -> {
            ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
            Scan scan = Scan.table(request.getTableName())
                    .limit(ItemRequests.limit(request.hasLimit(), request.getLimit()))
                    .project(expressions.projection(request.getProjectionExpression()));
            if (request.getTotalSegments() > 1 || request.getSegment() != 0) {
                scan = scan.segment(request.getSegment(), request.getTotalSegments());
            }
            Optional<io.skiff.core.expr.Condition> filter = expressions.filter(request.getFilterExpression());
            if (filter.isPresent()) {
                scan = scan.filter(filter.get());
            }
            if (request.hasExclusiveStartKey()) {
                scan = scan.startAfter(ProtoValues.fromProto(request.getExclusiveStartKey()));
            }
            expressions.requireAllPlaceholdersUsed();
            return page(reader(request.getConsistentRead()).scan(scan), request.getSelect());
        });
    }

    @Override
    public void batchWriteItem(BatchWriteItemRequest request, StreamObserver<BatchWriteItemResponse> observer) {
        Calls.answer(observer, "BatchWriteItem", () -> {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map.Entry<String, TableWriteRequests> table : request.getRequestItemsMap().entrySet()) {
                for (io.skiff.protocol.v1.WriteRequest write : table.getValue().getRequestsList()) {
                    writes.add(switch (write.getRequestCase()) {
                        case PUT_ITEM -> WriteRequest.put(table.getKey(), ProtoValues.fromProto(write.getPutItem()));
                        case DELETE_KEY -> WriteRequest.delete(table.getKey(),
                                ProtoValues.fromProto(write.getDeleteKey()));
                        case REQUEST_NOT_SET -> throw SkiffException.validation("A write request of table '"
                                + table.getKey() + "' has neither put_item nor delete_key");
                    });
                }
            }
            store.batchWrite(writes);
            return BatchWriteItemResponse.getDefaultInstance();
        });
    }

    @Override
    public void batchGetItem(BatchGetItemRequest request, StreamObserver<BatchGetItemResponse> observer) {
        Calls.answer(observer, "BatchGetItem", () -> {
            List<GetItem> gets = new ArrayList<>();
            for (Map.Entry<String, KeysAndAttributes> table : request.getRequestItemsMap().entrySet()) {
                ItemRequests expressions = ItemRequests.of(table.getValue().getPlaceholders());
                List<io.skiff.core.expr.Path> projection =
                        expressions.projection(table.getValue().getProjectionExpression());
                expressions.requireAllPlaceholdersUsed();
                for (io.skiff.protocol.v1.Item key : table.getValue().getKeysList()) {
                    gets.add(GetItem.of(table.getKey(), ProtoValues.fromProto(key)).project(projection));
                }
            }
            boolean consistent = request.getRequestItemsMap().values().stream()
                    .anyMatch(KeysAndAttributes::getConsistentRead);
            List<Optional<Item>> found = reader(consistent).batchGet(gets);
            BatchGetItemResponse.Builder response = BatchGetItemResponse.newBuilder();
            for (int i = 0; i < gets.size(); i++) {
                String table = gets.get(i).table();
                TableItems items = response.getResponsesOrDefault(table, TableItems.getDefaultInstance());
                TableItems.Builder more = items.toBuilder();
                found.get(i).map(ProtoValues::toProto).ifPresent(more::addItems);
                response.putResponses(table, more.build());
            }
            return response.build();
        });
    }

    @Override
    public void transactWriteItems(TransactWriteItemsRequest request,
                                   StreamObserver<TransactWriteItemsResponse> observer) {
        Calls.answer(observer, "TransactWriteItems", () -> {
            List<TransactWriteItem> items = new ArrayList<>();
            for (io.skiff.protocol.v1.TransactWriteItem item : request.getTransactItemsList()) {
                items.add(switch (item.getItemCase()) {
                    case PUT -> TransactWriteItem.put(put(item.getPut()));
                    case UPDATE -> TransactWriteItem.update(update(item.getUpdate()));
                    case DELETE -> TransactWriteItem.delete(delete(item.getDelete()));
                    case CONDITION_CHECK -> {
                        ItemRequests expressions = ItemRequests.of(item.getConditionCheck().getPlaceholders());
                        io.skiff.core.expr.Condition condition = expressions.condition(
                                item.getConditionCheck().getConditionExpression()).orElseThrow(() ->
                                SkiffException.validation("A ConditionCheck needs a ConditionExpression"));
                        expressions.requireAllPlaceholdersUsed();
                        yield TransactWriteItem.check(item.getConditionCheck().getTableName(),
                                ProtoValues.fromProto(item.getConditionCheck().getKey()), condition);
                    }
                    case ITEM_NOT_SET -> throw SkiffException.validation("A transact item has no put, update,"
                            + " delete or condition_check");
                });
            }
            if (request.getClientRequestToken().isEmpty()) {
                store.transactWrite(items);
                return TransactWriteItemsResponse.getDefaultInstance();
            }
            return tokens.run(request.getClientRequestToken(), fingerprint(request), () -> {
                store.transactWrite(items);
                return TransactWriteItemsResponse.getDefaultInstance();
            });
        });
    }

    @Override
    public void transactGetItems(TransactGetItemsRequest request, StreamObserver<TransactGetItemsResponse> observer) {
        Calls.answer(observer, "TransactGetItems", () -> {
            List<GetItem> gets = new ArrayList<>();
            request.getTransactItemsList().forEach(get -> gets.add(get(get)));
            TransactGetItemsResponse.Builder response = TransactGetItemsResponse.newBuilder();
            for (Optional<Item> item : store.transactGet(gets)) {
                GetItemResponse.Builder one = GetItemResponse.newBuilder();
                item.map(ProtoValues::toProto).ifPresent(one::setItem);
                response.addResponses(one);
            }
            return response.build();
        });
    }

    /** The request without its token, serialized the same way whatever the order of its map entries. */
    private static byte[] fingerprint(TransactWriteItemsRequest request) {
        TransactWriteItemsRequest withoutToken = request.toBuilder().clearClientRequestToken().build();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            withoutToken.writeTo(out);
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ClientTokens.fingerprint(bytes.toByteArray());
    }

    private static PutItem put(PutItemRequest request) {
        ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
        PutItem put = PutItem.of(request.getTableName(), ProtoValues.fromProto(request.getItem()))
                .returning(ItemRequests.returnValues(request.getReturnValues()));
        Optional<io.skiff.core.expr.Condition> condition = expressions.condition(request.getConditionExpression());
        expressions.requireAllPlaceholdersUsed();
        return condition.map(put::withCondition).orElse(put);
    }

    /** The store to read from: linearizable when the request asks for a consistent read. */
    private ItemStore reader(boolean consistentRead) {
        return consistentRead ? store.consistentReads() : store;
    }

    private static GetItem get(GetItemRequest request) {
        ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
        GetItem get = GetItem.of(request.getTableName(), ProtoValues.fromProto(request.getKey()))
                .project(expressions.projection(request.getProjectionExpression()));
        expressions.requireAllPlaceholdersUsed();
        return get;
    }

    private static UpdateItem update(UpdateItemRequest request) {
        ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
        if (request.getUpdateExpression().isBlank()) {
            throw SkiffException.validation("UpdateItem needs an UpdateExpression");
        }
        UpdateItem update = UpdateItem.of(request.getTableName(), ProtoValues.fromProto(request.getKey()),
                expressions.parser().update(request.getUpdateExpression()))
                .returning(ItemRequests.returnValues(request.getReturnValues()));
        Optional<io.skiff.core.expr.Condition> condition = expressions.condition(request.getConditionExpression());
        expressions.requireAllPlaceholdersUsed();
        return condition.map(update::withCondition).orElse(update);
    }

    private static DeleteItem delete(DeleteItemRequest request) {
        ItemRequests expressions = ItemRequests.of(request.getPlaceholders());
        DeleteItem delete = DeleteItem.of(request.getTableName(), ProtoValues.fromProto(request.getKey()))
                .returning(ItemRequests.returnValues(request.getReturnValues()));
        Optional<io.skiff.core.expr.Condition> condition = expressions.condition(request.getConditionExpression());
        expressions.requireAllPlaceholdersUsed();
        return condition.map(delete::withCondition).orElse(delete);
    }

    private static WriteItemResponse written(WriteResult result) {
        WriteItemResponse.Builder response = WriteItemResponse.newBuilder();
        result.attributes().map(ProtoValues::toProto).ifPresent(response::setAttributes);
        return response.build();
    }

    private static ReadPageResponse page(Page page, Select select) {
        ReadPageResponse.Builder response = ReadPageResponse.newBuilder().setCount(page.items().size())
                .setScannedCount(page.scannedCount());
        if (select != Select.COUNT) {
            page.items().forEach(item -> response.addItems(ProtoValues.toProto(item)));
        }
        page.lastEvaluatedKey().map(ProtoValues::toProto).ifPresent(response::setLastEvaluatedKey);
        return response.build();
    }
}
