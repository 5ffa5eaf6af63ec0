package io.skiff.server;

import io.grpc.stub.StreamObserver;
import io.skiff.core.value.Item;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.BatchExecuteStatementRequest;
import io.skiff.protocol.v1.BatchExecuteStatementResponse;
import io.skiff.protocol.v1.BatchStatementRequest;
import io.skiff.protocol.v1.BatchStatementResponse;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.ExecuteStatementResponse;
import io.skiff.protocol.v1.ExecuteTransactionRequest;
import io.skiff.protocol.v1.ExecuteTransactionResponse;
import io.skiff.protocol.v1.ItemResponse;
import io.skiff.protocol.v1.StatementServiceGrpc;
import io.skiff.sql.partiql.BatchResponse;
import io.skiff.sql.partiql.ExecuteOptions;
import io.skiff.sql.partiql.ParameterizedStatement;
import io.skiff.sql.partiql.PartiqlResult;
import io.skiff.sql.partiql.PartiqlSession;
import io.skiff.sql.partiql.TransactionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: the wiring of the PartiQL entry point. */
final class StatementEndpoint extends StatementServiceGrpc.StatementServiceImplBase {

    private final PartiqlSession partiql;
    private final PartiqlSession consistentPartiql;

    /**
     * @param partiql the session statements run in
     * @param consistentPartiql the session for statements whose reads must be consistent
     */
    StatementEndpoint(PartiqlSession partiql, PartiqlSession consistentPartiql) {
        this.partiql = partiql;
        this.consistentPartiql = consistentPartiql;
    }

    @Override
    public void executeStatement(ExecuteStatementRequest request, StreamObserver<ExecuteStatementResponse> observer) {
        Calls.answer(observer, "ExecuteStatement", () -> {
            // ExecuteOptions refuses a limit below 1, as DynamoDB does.
            ExecuteOptions options = new ExecuteOptions(
                    request.hasLimit() ? OptionalInt.of(request.getLimit()) : OptionalInt.empty(),
                    request.getNextToken().isEmpty() ? Optional.empty() : Optional.of(request.getNextToken()),
                    request.getConsistentRead());
            PartiqlSession session = request.getConsistentRead() ? consistentPartiql : partiql;
            PartiqlResult result = session.execute(request.getStatement(),
                    ProtoValues.fromProto(request.getParametersList()), options);
            ExecuteStatementResponse.Builder response = ExecuteStatementResponse.newBuilder();
            result.items().forEach(item -> response.addItems(ProtoValues.toProto(item)));
            result.nextToken().ifPresent(response::setNextToken);
            return response.build();
        });
    }

    @Override
    public void batchExecuteStatement(BatchExecuteStatementRequest request,
                                      StreamObserver<BatchExecuteStatementResponse> observer) {
        Calls.answer(observer, "BatchExecuteStatement", () -> {
            List<ParameterizedStatement> statements = new ArrayList<>();
            for (BatchStatementRequest statement : request.getStatementsList()) {
                statements.add(new ParameterizedStatement(statement.getStatement(),
                        ProtoValues.fromProto(statement.getParametersList())));
            }
            BatchExecuteStatementResponse.Builder response = BatchExecuteStatementResponse.newBuilder();
            for (BatchResponse outcome : partiql.executeBatch(statements)) {
                BatchStatementResponse.Builder one = BatchStatementResponse.newBuilder();
                outcome.item().map(ProtoValues::toProto).ifPresent(one::setItem);
                outcome.error().map(ProtoErrors::toErrorInfo).ifPresent(one::setError);
                response.addResponses(one);
            }
            return response.build();
        });
    }

    @Override
    public void executeTransaction(ExecuteTransactionRequest request,
                                   StreamObserver<ExecuteTransactionResponse> observer) {
        Calls.answer(observer, "ExecuteTransaction", () -> {
            List<ParameterizedStatement> statements = new ArrayList<>();
            request.getTransactStatementsList().forEach(statement -> statements.add(new ParameterizedStatement(
                    statement.getStatement(), ProtoValues.fromProto(statement.getParametersList()))));
            Optional<String> token = request.getClientRequestToken().isEmpty() ? Optional.empty()
                    : Optional.of(request.getClientRequestToken());
            TransactionResult result = partiql.executeTransaction(statements, token);
            ExecuteTransactionResponse.Builder response = ExecuteTransactionResponse.newBuilder();
            for (Optional<Item> item : result.items()) {
                ItemResponse.Builder one = ItemResponse.newBuilder();
                item.map(ProtoValues::toProto).ifPresent(one::setItem);
                response.addResponses(one);
            }
            return response.build();
        });
    }
}
