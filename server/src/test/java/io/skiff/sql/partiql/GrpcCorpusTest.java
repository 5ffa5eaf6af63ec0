package io.skiff.sql.partiql;

import io.grpc.StatusRuntimeException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.ExecuteStatementResponse;
import io.skiff.protocol.v1.StatementServiceGrpc;
import io.skiff.server.RunningServer;
import io.skiff.storage.api.PutItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The PartiQL corpus through gRPC's ExecuteStatement on a real server: parameters and items in
 * the wire's shape, paging with limit and next_token, errors rebuilt from the status details.
 */
class GrpcCorpusTest {

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : Corpus.files()) {
            GrpcRunner runner = new GrpcRunner();
            DynamicContainer container = Corpus.container(file, runner::apply,
                    testCase -> CorpusTest.run(runner, testCase), runner::close);
            containers.add(container);
        }
        org.assertj.core.api.Assertions.assertThat(containers).as("corpus files").isNotEmpty();
        return containers.stream();
    }

    /** A server of its own per corpus file; tables and direct puts go to its store. */
    private static final class GrpcRunner implements Corpus.Runner {
        private RunningServer running;
        private io.grpc.ManagedChannel channel;
        private StatementServiceGrpc.StatementServiceBlockingStub stub;

        private void open() {
            if (running == null) {
                try {
                    running = new RunningServer();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
                        .forTarget(running.jdbcUrl().substring("jdbc:skiff://".length())).usePlaintext().build();
                stub = StatementServiceGrpc.newBlockingStub(channel);
            }
        }

        void apply(Corpus.Entry entry) {
            if (entry instanceof Corpus.Table table) {
                createTable(table.schema());
            } else if (entry instanceof Corpus.Put put) {
                put(put.table(), put.item());
            }
        }

        @Override
        public void createTable(TableSchema schema) {
            open();
            running.engine().createTable(schema);
        }

        @Override
        public void put(String table, Item item) {
            open();
            running.engine().put(PutItem.of(table, item));
        }

        @Override
        public PartiqlResult execute(String statement, List<AttributeValue> parameters, OptionalInt limit,
                                     Optional<String> nextToken) {
            open();
            ExecuteStatementRequest.Builder request = ExecuteStatementRequest.newBuilder().setStatement(statement);
            parameters.forEach(parameter -> request.addParameters(ProtoValues.toProto(parameter)));
            limit.ifPresent(request::setLimit);
            nextToken.ifPresent(request::setNextToken);
            ExecuteStatementResponse response;
            try {
                response = stub.executeStatement(request.build());
            } catch (StatusRuntimeException e) {
                throw ProtoErrors.fromStatus(e).orElseThrow(() -> e);
            }
            List<Item> items = new ArrayList<>();
            response.getItemsList().forEach(item -> items.add(ProtoValues.fromProto(item)));
            return new PartiqlResult(items, response.getNextToken().isEmpty() ? Optional.empty()
                    : Optional.of(response.getNextToken()));
        }

        @Override
        public Object contents() {
            open();
            return Corpus.contents(running.engine());
        }

        void close() throws Exception {
            if (running != null) {
                channel.shutdownNow();
                running.close();
            }
        }
    }
}
