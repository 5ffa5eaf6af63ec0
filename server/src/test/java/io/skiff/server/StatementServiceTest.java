package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.reflection.v1alpha.ServerReflectionRequest;
import io.grpc.reflection.v1alpha.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.AttributeValue;
import io.skiff.protocol.v1.BatchExecuteStatementRequest;
import io.skiff.protocol.v1.BatchExecuteStatementResponse;
import io.skiff.protocol.v1.BatchStatementRequest;
import io.skiff.protocol.v1.CreateTableRequest;
import io.skiff.protocol.v1.DeleteTableRequest;
import io.skiff.protocol.v1.DescribeTableRequest;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.ExecuteStatementResponse;
import io.skiff.protocol.v1.ExecuteTransactionRequest;
import io.skiff.protocol.v1.KeyAttribute;
import io.skiff.protocol.v1.KeyType;
import io.skiff.protocol.v1.ListTablesRequest;
import io.skiff.protocol.v1.ListTablesResponse;
import io.skiff.protocol.v1.ParameterizedStatement;
import io.skiff.protocol.v1.StatementServiceGrpc;
import io.skiff.protocol.v1.TableServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ExecuteStatement and its batch and transaction forms, the table API, health and reflection, over a real server. */
class StatementServiceTest {

    private static RunningServer running;
    private static StatementServiceGrpc.StatementServiceBlockingStub statements;
    private static TableServiceGrpc.TableServiceBlockingStub tables;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
        statements = StatementServiceGrpc.newBlockingStub(running.channel);
        tables = TableServiceGrpc.newBlockingStub(running.channel);
        tables.createTable(CreateTableRequest.newBuilder().setTableName("Music")
                .setPartitionKey(key("Artist", KeyType.S)).setSortKey(key("SongTitle", KeyType.S)).build());
        tables.createTable(CreateTableRequest.newBuilder().setTableName("Counters")
                .setPartitionKey(key("id", KeyType.N)).build());
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    private static KeyAttribute key(String name, KeyType type) {
        return KeyAttribute.newBuilder().setName(name).setType(type).build();
    }

    private static AttributeValue wire(String dynamoJson) {
        return ProtoValues.toProto(ItemJson.readValue(dynamoJson));
    }

    private static ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
        return statements.executeStatement(ExecuteStatementRequest.newBuilder().setStatement(statement)
                .addAllParameters(List.of(parameters)).build());
    }

    private static SkiffException failure(Runnable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e).isNotNull();
        return ProtoErrors.fromStatus(e).orElseThrow();
    }

    @Test
    void itemsGoInAndComeBackWithEveryTypeIntact() {
        String item = "{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Hi\"},\"n\":{\"N\":\"123456789012345678901234567890.5\"},"
                + "\"b\":{\"B\":\"AQI=\"},\"ok\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},"
                + "\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AQ==\"]},\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"x\"}]},"
                + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}}}";
        io.skiff.core.value.Item expected = ItemJson.readItem(item);
        List<String> members = new ArrayList<>();
        List<AttributeValue> values = new ArrayList<>();
        expected.attributes().forEach((name, value) -> {
            members.add("'" + name + "': ?");
            values.add(ProtoValues.toProto(value));
        });
        execute("INSERT INTO Music VALUE {" + String.join(", ", members) + "}", values.toArray(AttributeValue[]::new));
        ExecuteStatementResponse response = execute("SELECT * FROM Music WHERE Artist = ? AND SongTitle = ?",
                wire("{\"S\":\"Acme\"}"), wire("{\"S\":\"Hi\"}"));
        assertThat(response.getItemsList()).hasSize(1);
        assertThat(ProtoValues.fromProto(response.getItems(0))).isEqualTo(ItemJson.readItem(item));
        assertThat(response.getNextToken()).isEmpty();
    }

    @Test
    void aLimitedSelectPagesWithNextToken() {
        for (int i = 0; i < 5; i++) {
            execute("INSERT INTO Music VALUE {'Artist': 'Pager', 'SongTitle': ?}", wire("{\"S\":\"s" + i + "\"}"));
        }
        List<String> titles = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ExecuteStatementResponse page = statements.executeStatement(ExecuteStatementRequest.newBuilder()
                    .setStatement("SELECT SongTitle FROM Music WHERE Artist = 'Pager'").setLimit(2)
                    .setNextToken(token).build());
            page.getItemsList().forEach(i -> titles.add(i.getAttributesOrThrow("SongTitle").getS()));
            token = page.getNextToken();
            pages++;
        } while (!token.isEmpty());
        assertThat(titles).containsExactly("s0", "s1", "s2", "s3", "s4");
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void failuresCarryTheSkiffCodePositionAndAMatchingStatus() {
        StatusRuntimeException syntax = catchThrowableOfType(StatusRuntimeException.class,
                () -> execute("SELECT * FORM Music"));
        assertThat(syntax.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        SkiffException detail = ProtoErrors.fromStatus(syntax).orElseThrow();
        assertThat(detail.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(detail.line() + ":" + detail.column()).isEqualTo("1:10");
        assertThat(detail.getMessage()).contains("FORM");

        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
                () -> execute("SELECT * FROM Nope"));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        execute("INSERT INTO Counters VALUE {'id': 1}");
        StatusRuntimeException duplicate = catchThrowableOfType(StatusRuntimeException.class,
                () -> execute("INSERT INTO Counters VALUE {'id': 1}"));
        assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(ProtoErrors.fromStatus(duplicate).orElseThrow().code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);

        assertThat(failure(() -> execute("SELECT * FROM Music", AttributeValue.getDefaultInstance())).code())
                .isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(failure(() -> statements.executeStatement(ExecuteStatementRequest.newBuilder()
                .setStatement("SELECT * FROM Music").setLimit(-1).build())).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void aBatchAnswersEachStatementAndRefusesMoreThan25() {
        BatchExecuteStatementResponse response = statements.batchExecuteStatement(BatchExecuteStatementRequest
                .newBuilder()
                .addStatements(BatchStatementRequest.newBuilder().setStatement("INSERT INTO Counters VALUE {'id': 50}"))
                .addStatements(BatchStatementRequest.newBuilder().setStatement("INSERT INTO Counters VALUE {'id': 50}"))
                .addStatements(BatchStatementRequest.newBuilder().setStatement("INSERT INTO Nope VALUE {'id': 1}"))
                .build());
        assertThat(response.getResponsesList()).hasSize(3);
        assertThat(response.getResponses(0).hasError()).isFalse();
        assertThat(response.getResponses(1).getError().getCode()).isEqualTo("DUPLICATE_ITEM");
        assertThat(response.getResponses(2).getError().getCode()).isEqualTo("TABLE_NOT_FOUND");

        BatchExecuteStatementRequest.Builder tooMany = BatchExecuteStatementRequest.newBuilder();
        for (int i = 0; i < 26; i++) {
            tooMany.addStatements(BatchStatementRequest.newBuilder().setStatement("INSERT INTO Counters VALUE {'id': 9"
                    + i + "}"));
        }
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> statements.batchExecuteStatement(tooMany.build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(execute("SELECT * FROM Counters WHERE id = 90").getItemsList()).isEmpty();
    }

    @Test
    void aCancelledTransactionGivesOneReasonPerStatementAndWritesNothing() {
        execute("INSERT INTO Counters VALUE {'id': 70}");
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> statements.executeTransaction(ExecuteTransactionRequest.newBuilder()
                        .addTransactStatements(ParameterizedStatement.newBuilder()
                                .setStatement("INSERT INTO Counters VALUE {'id': 71}"))
                        .addTransactStatements(ParameterizedStatement.newBuilder()
                                .setStatement("INSERT INTO Counters VALUE {'id': 70}"))
                        .setClientRequestToken("t-1").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        SkiffException cancelled = ProtoErrors.fromStatus(e).orElseThrow();
        assertThat(cancelled.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
        assertThat(cancelled.cancellationReasons()).hasSize(2);
        assertThat(cancelled.cancellationReasons().get(0).isNone()).isTrue();
        assertThat(cancelled.cancellationReasons().get(1).code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);
        assertThat(execute("SELECT * FROM Counters WHERE id = 71").getItemsList()).isEmpty();
    }

    @Test
    void tablesAreCreatedDescribedListedAndDeleted() {
        tables.createTable(CreateTableRequest.newBuilder().setTableName("Scratch")
                .setPartitionKey(key("k", KeyType.B)).build());
        assertThat(tables.describeTable(DescribeTableRequest.newBuilder().setTableName("Scratch").build())
                .getTable().getPartitionKey().getType()).isEqualTo(KeyType.B);
        ListTablesResponse first = tables.listTables(ListTablesRequest.newBuilder().setLimit(1).build());
        assertThat(first.getTableNamesList()).containsExactly("Counters");
        assertThat(first.getLastEvaluatedTableName()).isEqualTo("Counters");
        assertThat(tables.listTables(ListTablesRequest.newBuilder().setExclusiveStartTableName("Counters").build())
                .getTableNamesList()).containsExactly("Music", "Scratch");
        tables.deleteTable(DeleteTableRequest.newBuilder().setTableName("Scratch").build());
        StatusRuntimeException gone = catchThrowableOfType(StatusRuntimeException.class,
                () -> tables.describeTable(DescribeTableRequest.newBuilder().setTableName("Scratch").build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        StatusRuntimeException noKeyType = catchThrowableOfType(StatusRuntimeException.class,
                () -> tables.createTable(CreateTableRequest.newBuilder().setTableName("Bad")
                        .setPartitionKey(KeyAttribute.newBuilder().setName("k")).build()));
        assertThat(noKeyType.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void healthSaysServingAndReflectionListsTheServices() throws Exception {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(running.channel)
                .check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(running.channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        List<String> services = answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(service -> service.getName()).toList();
        requests.onCompleted();
        assertThat(services).contains("skiff.v1.StatementService", "skiff.v1.TableService", "skiff.v1.SqlService",
                "grpc.health.v1.Health");
    }
}
