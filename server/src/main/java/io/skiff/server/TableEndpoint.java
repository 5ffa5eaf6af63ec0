package io.skiff.server;

import io.grpc.stub.StreamObserver;
import io.skiff.core.schema.TableSchema;
import io.skiff.protocol.ProtoTables;
import io.skiff.protocol.v1.CreateTableRequest;
import io.skiff.protocol.v1.CreateTableResponse;
import io.skiff.protocol.v1.DeleteTableRequest;
import io.skiff.protocol.v1.DeleteTableResponse;
import io.skiff.protocol.v1.DescribeTableRequest;
import io.skiff.protocol.v1.DescribeTableResponse;
import io.skiff.protocol.v1.ListTablesRequest;
import io.skiff.protocol.v1.ListTablesResponse;
import io.skiff.protocol.v1.TableDescription;
import io.skiff.protocol.v1.TableServiceGrpc;
import io.skiff.storage.api.ItemStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateTable, DescribeTable, ListTables and DeleteTable over the store's catalog. */
final class TableEndpoint extends TableServiceGrpc.TableServiceImplBase {

    /** Most names in one ListTables page, as in DynamoDB. */
    static final int MAX_LIST = 100;

    private final ItemStore store;

    TableEndpoint(ItemStore store) {
        this.store = store;
    }

    @Override
    public void createTable(CreateTableRequest request, StreamObserver<CreateTableResponse> observer) {
        Calls.answer(observer, "CreateTable", () -> {
            if (!request.hasPartitionKey()) {
                throw io.skiff.core.error.SkiffException.validation("CreateTable needs a partition_key");
            }
            Optional<io.skiff.core.schema.KeyAttribute> sortKey = request.hasSortKey()
                    ? Optional.of(ProtoTables.fromProto(request.getSortKey())) : Optional.empty();
            TableSchema schema = new TableSchema(request.getTableName(),
                    ProtoTables.fromProto(request.getPartitionKey()), sortKey, Map.of());
            store.createTable(schema);
            return CreateTableResponse.newBuilder().setTable(describe(schema)).build();
        });
    }

    @Override
    public void describeTable(DescribeTableRequest request, StreamObserver<DescribeTableResponse> observer) {
        Calls.answer(observer, "DescribeTable", () -> DescribeTableResponse.newBuilder()
                .setTable(describe(store.describeTable(request.getTableName()))).build());
    }

    @Override
    public void listTables(ListTablesRequest request, StreamObserver<ListTablesResponse> observer) {
        Calls.answer(observer, "ListTables", () -> {
            if (request.getLimit() < 0 || request.getLimit() > MAX_LIST) {
                throw io.skiff.core.error.SkiffException.validation("Limit " + request.getLimit()
                        + " is invalid; it must be 1 to " + MAX_LIST);
            }
            int limit = request.getLimit() == 0 ? MAX_LIST : request.getLimit();
            List<String> names = store.listTables().stream().map(TableSchema::name).sorted()
                    .filter(name -> name.compareTo(request.getExclusiveStartTableName()) > 0).toList();
            ListTablesResponse.Builder response = ListTablesResponse.newBuilder()
                    .addAllTableNames(names.subList(0, Math.min(limit, names.size())));
            if (names.size() > limit) {
                response.setLastEvaluatedTableName(names.get(limit - 1));
            }
            return response.build();
        });
    }

    @Override
    public void deleteTable(DeleteTableRequest request, StreamObserver<DeleteTableResponse> observer) {
        Calls.answer(observer, "DeleteTable", () -> {
            TableSchema schema = store.describeTable(request.getTableName());
            store.dropTable(request.getTableName());
            return DeleteTableResponse.newBuilder().setTable(ProtoTables.toProto(schema).toBuilder()
                    .setTableStatus("DELETED")).build();
        });
    }

    private TableDescription describe(TableSchema schema) {
        return ProtoTables.toProto(schema);
    }
}
