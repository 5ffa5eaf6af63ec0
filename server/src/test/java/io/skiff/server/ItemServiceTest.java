package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.AttributeValue;
import io.skiff.protocol.v1.BatchGetItemRequest;
import io.skiff.protocol.v1.BatchGetItemResponse;
import io.skiff.protocol.v1.BatchWriteItemRequest;
import io.skiff.protocol.v1.ConditionCheck;
import io.skiff.protocol.v1.CreateTableRequest;
import io.skiff.protocol.v1.DeleteItemRequest;
import io.skiff.protocol.v1.ExpressionPlaceholders;
import io.skiff.protocol.v1.GetItemRequest;
import io.skiff.protocol.v1.Item;
import io.skiff.protocol.v1.ItemServiceGrpc;
import io.skiff.protocol.v1.KeyAttribute;
import io.skiff.protocol.v1.KeyType;
import io.skiff.protocol.v1.KeysAndAttributes;
import io.skiff.protocol.v1.PutItemRequest;
import io.skiff.protocol.v1.QueryRequest;
import io.skiff.protocol.v1.ReadPageResponse;
import io.skiff.protocol.v1.ReturnValue;
import io.skiff.protocol.v1.ScanRequest;
import io.skiff.protocol.v1.Select;
import io.skiff.protocol.v1.TableServiceGrpc;
import io.skiff.protocol.v1.TableWriteRequests;
import io.skiff.protocol.v1.TransactGetItemsRequest;
import io.skiff.protocol.v1.TransactWriteItem;
import io.skiff.protocol.v1.TransactWriteItemsRequest;
import io.skiff.protocol.v1.UpdateItemRequest;
import io.skiff.protocol.v1.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The item API with DynamoDB's expression strings, over a real server. */
class ItemServiceTest {

    private static RunningServer running;
    private static ItemServiceGrpc.ItemServiceBlockingStub items;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
        items = ItemServiceGrpc.newBlockingStub(running.channel);
        TableServiceGrpc.TableServiceBlockingStub tables = TableServiceGrpc.newBlockingStub(running.channel);
        tables.createTable(CreateTableRequest.newBuilder().setTableName("Events")
                .setPartitionKey(KeyAttribute.newBuilder().setName("dev").setType(KeyType.S))
                .setSortKey(KeyAttribute.newBuilder().setName("seq").setType(KeyType.N)).build());
        for (int seq = 1; seq <= 6; seq++) {
            items.putItem(PutItemRequest.newBuilder().setTableName("Events")
                    .setItem(item("{\"dev\":{\"S\":\"d1\"},\"seq\":{\"N\":\"" + seq + "\"},\"kind\":{\"S\":\""
                            + (seq % 2 == 0 ? "ping" : "boot") + "\"}}")).build());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    private static Item item(String json) {
        return ProtoValues.toProto(ItemJson.readItem(json));
    }

    private static AttributeValue value(String json) {
        return ProtoValues.toProto(ItemJson.readValue(json));
    }

    private static Item key(String dev, int seq) {
        return item("{\"dev\":{\"S\":\"" + dev + "\"},\"seq\":{\"N\":\"" + seq + "\"}}");
    }

    private static SkiffException failure(Runnable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).as("the call fails").isNotNull();
        return ProtoErrors.fromStatus(e).orElseThrow();
    }

    @Test
    void conditionalPutsUpdatesAndDeletesFollowTheirExpressions() {
        PutItemRequest insert = PutItemRequest.newBuilder().setTableName("Events").setItem(key("d9", 1))
                .setConditionExpression("attribute_not_exists(dev)").build();
        items.putItem(insert);
        assertThat(failure(() -> items.putItem(insert)).code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);

        Item updated = items.updateItem(UpdateItemRequest.newBuilder().setTableName("Events").setKey(key("d9", 1))
                .setUpdateExpression("SET #c = if_not_exists(#c, :zero) + :one, tags = :tags")
                .setConditionExpression("attribute_exists(dev)")
                .setPlaceholders(ExpressionPlaceholders.newBuilder().putNames("#c", "count")
                        .putValues(":zero", value("{\"N\":\"0\"}")).putValues(":one", value("{\"N\":\"1\"}"))
                        .putValues(":tags", value("{\"SS\":[\"a\"]}")))
                .setReturnValues(ReturnValue.UPDATED_NEW).build()).getAttributes();
        assertThat(ProtoValues.fromProto(updated)).isEqualTo(ItemJson.readItem(
                "{\"count\":{\"N\":\"1\"},\"tags\":{\"SS\":[\"a\"]}}"));

        Item projected = items.getItem(GetItemRequest.newBuilder().setTableName("Events").setKey(key("d9", 1))
                .setProjectionExpression("#c, dev").setPlaceholders(ExpressionPlaceholders.newBuilder()
                        .putNames("#c", "count")).build()).getItem();
        assertThat(ProtoValues.fromProto(projected)).isEqualTo(ItemJson.readItem(
                "{\"count\":{\"N\":\"1\"},\"dev\":{\"S\":\"d9\"}}"));

        assertThat(failure(() -> items.deleteItem(DeleteItemRequest.newBuilder().setTableName("Events")
                .setKey(key("d9", 1)).setConditionExpression("#c > :n").setPlaceholders(ExpressionPlaceholders
                        .newBuilder().putNames("#c", "count").putValues(":n", value("{\"N\":\"5\"}"))).build())).code())
                .isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
        Item old = items.deleteItem(DeleteItemRequest.newBuilder().setTableName("Events").setKey(key("d9", 1))
                .setReturnValues(ReturnValue.ALL_OLD).build()).getAttributes();
        assertThat(old.getAttributesMap()).containsKey("tags");
        assertThat(items.getItem(GetItemRequest.newBuilder().setTableName("Events").setKey(key("d9", 1)).build())
                .hasItem()).isFalse();
    }

    @Test
    void aQueryReadsASortKeyRangeFilteredAndPaged() {
        List<String> seqs = new ArrayList<>();
        Item start = null;
        int pages = 0;
        do {
            QueryRequest.Builder query = QueryRequest.newBuilder().setTableName("Events")
                    .setKeyConditionExpression("dev = :d AND seq BETWEEN :lo AND :hi")
                    .setFilterExpression("kind = :k").setProjectionExpression("seq").setLimit(2)
                    .setScanIndexForward(false)
                    .setPlaceholders(ExpressionPlaceholders.newBuilder().putValues(":d", value("{\"S\":\"d1\"}"))
                            .putValues(":lo", value("{\"N\":\"2\"}")).putValues(":hi", value("{\"N\":\"5\"}"))
                            .putValues(":k", value("{\"S\":\"ping\"}")));
            if (start != null) {
                query.setExclusiveStartKey(start);
            }
            ReadPageResponse page = items.query(query.build());
            page.getItemsList().forEach(i -> seqs.add(i.getAttributesOrThrow("seq").getN()));
            start = page.hasLastEvaluatedKey() ? page.getLastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(seqs).containsExactly("4", "2");
        assertThat(pages).isEqualTo(2);

        ReadPageResponse counted = items.query(QueryRequest.newBuilder().setTableName("Events")
                .setKeyConditionExpression("dev = :d").setSelect(Select.COUNT)
                .setPlaceholders(ExpressionPlaceholders.newBuilder().putValues(":d", value("{\"S\":\"d1\"}"))).build());
        assertThat(counted.getCount()).isEqualTo(6);
        assertThat(counted.getItemsList()).isEmpty();
    }

    @Test
    void aScanInSegmentsSeesEveryItemOnce() {
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            total += items.scan(ScanRequest.newBuilder().setTableName("Events").setSegment(segment)
                    .setTotalSegments(3).setFilterExpression("begins_with(dev, :p)")
                    .setPlaceholders(ExpressionPlaceholders.newBuilder().putValues(":p", value("{\"S\":\"d1\"}")))
                    .build()).getCount();
        }
        assertThat(total).isEqualTo(6);
    }

    @Test
    void batchesWriteAndReadAcrossKeys() {
        items.batchWriteItem(BatchWriteItemRequest.newBuilder().putRequestItems("Events", TableWriteRequests
                .newBuilder().addRequests(WriteRequest.newBuilder().setPutItem(key("b1", 1)))
                .addRequests(WriteRequest.newBuilder().setPutItem(key("b1", 2)))
                .addRequests(WriteRequest.newBuilder().setDeleteKey(key("b1", 3))).build()).build());
        BatchGetItemResponse found = items.batchGetItem(BatchGetItemRequest.newBuilder().putRequestItems("Events",
                KeysAndAttributes.newBuilder().addKeys(key("b1", 1)).addKeys(key("b1", 2)).addKeys(key("b1", 9))
                        .setProjectionExpression("seq").build()).build());
        assertThat(found.getResponsesOrThrow("Events").getItemsList()).hasSize(2)
                .allSatisfy(i -> assertThat(i.getAttributesMap()).containsOnlyKeys("seq"));

        BatchWriteItemRequest.Builder tooMany = BatchWriteItemRequest.newBuilder();
        TableWriteRequests.Builder writes = TableWriteRequests.newBuilder();
        for (int i = 0; i < 26; i++) {
            writes.addRequests(WriteRequest.newBuilder().setPutItem(key("b2", i)));
        }
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> items.batchWriteItem(tooMany.putRequestItems("Events", writes.build()).build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aTransactionIsAllOrNothingWithOneReasonPerItem() {
        SkiffException cancelled = failure(() -> items.transactWriteItems(TransactWriteItemsRequest.newBuilder()
                .addTransactItems(TransactWriteItem.newBuilder().setPut(PutItemRequest.newBuilder()
                        .setTableName("Events").setItem(key("t1", 1))))
                .addTransactItems(TransactWriteItem.newBuilder().setConditionCheck(ConditionCheck.newBuilder()
                        .setTableName("Events").setKey(key("d1", 1)).setConditionExpression("kind = :k")
                        .setPlaceholders(ExpressionPlaceholders.newBuilder().putValues(":k", value("{\"S\":\"x\"}")))))
                .build()));
        assertThat(cancelled.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
        assertThat(cancelled.cancellationReasons()).hasSize(2);
        assertThat(cancelled.cancellationReasons().get(1).code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
        assertThat(items.getItem(GetItemRequest.newBuilder().setTableName("Events").setKey(key("t1", 1)).build())
                .hasItem()).isFalse();

        assertThat(items.transactGetItems(TransactGetItemsRequest.newBuilder()
                .addTransactItems(GetItemRequest.newBuilder().setTableName("Events").setKey(key("d1", 1)))
                .addTransactItems(GetItemRequest.newBuilder().setTableName("Events").setKey(key("zz", 1)))
                .build()).getResponsesList()).extracting(r -> r.hasItem()).containsExactly(true, false);
    }

    @Test
    void badExpressionsAndPlaceholdersAreValidationErrors() {
        SkiffException unused = failure(() -> items.getItem(GetItemRequest.newBuilder().setTableName("Events")
                .setKey(key("d1", 1)).setPlaceholders(ExpressionPlaceholders.newBuilder().putNames("#x", "x")).build()));
        assertThat(unused.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(unused.getMessage()).contains("#x");

        SkiffException syntax = failure(() -> items.updateItem(UpdateItemRequest.newBuilder().setTableName("Events")
                .setKey(key("d1", 1)).setUpdateExpression("SET = 1").build()));
        assertThat(syntax.code()).isIn(ErrorCode.SYNTAX_ERROR, ErrorCode.VALIDATION_ERROR);
        assertThat(syntax.getMessage()).contains("UpdateExpression");

        assertThat(failure(() -> items.query(QueryRequest.newBuilder().setTableName("Events")
                .setKeyConditionExpression("kind = :k").setPlaceholders(ExpressionPlaceholders.newBuilder()
                        .putValues(":k", value("{\"S\":\"x\"}"))).build())).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(failure(() -> items.scan(ScanRequest.newBuilder().setTableName("Events").setLimit(0).build())).code())
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(failure(() -> items.getItem(GetItemRequest.newBuilder().setTableName("Nope")
                .setKey(key("d1", 1)).build())).code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void oversizeItemsAndMessagesAreRefusedWithClearErrors() {
        String big = "x".repeat(450 * 1024);
        SkiffException tooLarge = failure(() -> items.putItem(PutItemRequest.newBuilder().setTableName("Events")
                .setItem(item("{\"dev\":{\"S\":\"big\"},\"seq\":{\"N\":\"1\"},\"blob\":{\"S\":\"" + big + "\"}}"))
                .build()));
        assertThat(tooLarge.code()).isEqualTo(ErrorCode.ITEM_TOO_LARGE);

        String huge = "y".repeat(SkiffServer.MAX_INBOUND_MESSAGE_BYTES + 1024);
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> items.putItem(PutItemRequest.newBuilder().setTableName("Events")
                        .setItem(item("{\"dev\":{\"S\":\"huge\"},\"seq\":{\"N\":\"1\"}}").toBuilder()
                                .putAttributes("blob", AttributeValue.newBuilder().setS(huge).build()))
                        .build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(items.getItem(GetItemRequest.newBuilder().setTableName("Events").setKey(key("huge", 1)).build())
                .hasItem()).isFalse();
    }

    @Test
    void aClientTokenMakesATransactionIdempotent() {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.newBuilder().setClientRequestToken("tok-1")
                .addTransactItems(TransactWriteItem.newBuilder().setUpdate(UpdateItemRequest.newBuilder()
                        .setTableName("Events").setKey(key("d1", 6)).setUpdateExpression("ADD hits :one")
                        .setPlaceholders(ExpressionPlaceholders.newBuilder().putValues(":one", value("{\"N\":\"1\"}")))))
                .build();
        items.transactWriteItems(request);
        items.transactWriteItems(request);
        Item after = items.getItem(GetItemRequest.newBuilder().setTableName("Events").setKey(key("d1", 6)).build())
                .getItem();
        assertThat(after.getAttributesOrThrow("hits").getN()).isEqualTo("1");

        TransactWriteItemsRequest other = request.toBuilder().setTransactItems(0, request.getTransactItems(0).toBuilder()
                .setUpdate(request.getTransactItems(0).getUpdate().toBuilder().setKey(key("d1", 5)))).build();
        SkiffException mismatch = failure(() -> items.transactWriteItems(other));
        assertThat(mismatch.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(mismatch.getMessage()).contains("IdempotentParameterMismatch");
    }
}
