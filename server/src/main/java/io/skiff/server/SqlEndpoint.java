package io.skiff.server;

import io.grpc.stub.StreamObserver;
import io.skiff.protocol.ProtoTables;
import io.skiff.protocol.WireRows;
import io.skiff.protocol.v1.CloseCursorRequest;
import io.skiff.protocol.v1.CloseCursorResponse;
import io.skiff.protocol.v1.CloseSessionRequest;
import io.skiff.protocol.v1.CloseSessionResponse;
import io.skiff.protocol.v1.CloseStatementRequest;
import io.skiff.protocol.v1.CloseStatementResponse;
import io.skiff.protocol.v1.ExecuteBatchRequest;
import io.skiff.protocol.v1.ExecuteBatchResponse;
import io.skiff.protocol.v1.ExecuteRequest;
import io.skiff.protocol.v1.ExecuteResponse;
import io.skiff.protocol.v1.FetchRequest;
import io.skiff.protocol.v1.FetchResponse;
import io.skiff.protocol.v1.IndexBuild;
import io.skiff.protocol.v1.ListIndexBuildsRequest;
import io.skiff.protocol.v1.ListIndexBuildsResponse;
import io.skiff.protocol.v1.ListTableSchemasRequest;
import io.skiff.protocol.v1.ListTableSchemasResponse;
import io.skiff.protocol.v1.OpenSessionRequest;
import io.skiff.protocol.v1.OpenSessionResponse;
import io.skiff.protocol.v1.ParameterSet;
import io.skiff.protocol.v1.PrepareRequest;
import io.skiff.core.schema.TableSchema;
import io.skiff.protocol.v1.IndexDescription;
import io.skiff.protocol.v1.PrepareResponse;
import io.skiff.protocol.v1.RoutingKey;
import io.skiff.protocol.v1.Row;
import io.skiff.protocol.v1.RowFrame;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.protocol.v1.StatementKind;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.RowCursor;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import io.skiff.storage.api.ItemStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL service the remote JDBC driver speaks: sessions, prepared statements, and results read
 * in frames from server-side cursors, so that a large result is never whole in memory on either
 * side. Cancelling a call, or its deadline, stops the statement it runs.
 */
final class SqlEndpoint extends SqlServiceGrpc.SqlServiceImplBase {

    /** Rows in a frame when the client does not say. */
    static final int DEFAULT_FRAME_ROWS = 500;
    /** Most rows in a frame, whatever the client asks: frames stay well under the message size limit. */
    static final int MAX_FRAME_ROWS = 10_000;

    private final ClientSessions sessions;
    private final ItemStore store;
    private final String version;

    SqlEndpoint(ClientSessions sessions, ItemStore store, String version) {
        this.sessions = sessions;
        this.store = store;
        this.version = version;
    }

    @Override
    public void openSession(OpenSessionRequest request, StreamObserver<OpenSessionResponse> observer) {
        Calls.answer(observer, "OpenSession", () -> {
            Dialect dialect = request.getDialect().isEmpty() ? Dialect.SQL : Dialect.parse(request.getDialect());
            ClientSession session = sessions.open(dialect, request.getConsistentRead());
            return OpenSessionResponse.newBuilder().setSessionId(session.id()).setServerVersion(version).build();
        });
    }

    @Override
    public void closeSession(CloseSessionRequest request, StreamObserver<CloseSessionResponse> observer) {
        Calls.answer(observer, "CloseSession", () -> {
            sessions.close(request.getSessionId());
            return CloseSessionResponse.getDefaultInstance();
        });
    }

    @Override
    public void prepare(PrepareRequest request, StreamObserver<PrepareResponse> observer) {
        Calls.answer(observer, "Prepare", () -> {
            PrepareResponse.Builder response = PrepareResponse.newBuilder();
            String statementId = sessions.get(request.getSessionId()).prepare(request.getText(), statement -> {
                response.setKind(StatementKind.valueOf(statement.kind().name()));
                statement.columns().forEach(column -> response.addColumns(WireRows.toWire(column)));
                statement.parameters().forEach(parameter -> response.addParameters(WireRows.toWire(parameter)));
                statement.routingKey().ifPresent(key -> response.setRoutingKey(RoutingKey.newBuilder()
                        .setTable(key.table()).setParameter(key.parameter()).setKeyType(key.keyType().name())));
            });
            return response.setStatementId(statementId).build();
        });
    }

    @Override
    public void closeStatement(CloseStatementRequest request, StreamObserver<CloseStatementResponse> observer) {
        Calls.answer(observer, "CloseStatement", () -> {
            sessions.get(request.getSessionId()).closeStatement(request.getStatementId());
            return CloseStatementResponse.getDefaultInstance();
        });
    }

    @Override
    public void execute(ExecuteRequest request, StreamObserver<ExecuteResponse> observer) {
        Calls.answer(observer, "Execute", () -> {
            ClientSession session = sessions.get(request.getSessionId());
            SqlStatement statement = session.statement(request.getStatementId());
            List<Object> parameters = WireRows.fromWire(request.getParametersList());
            Interruption interruption = CallInterruption.budget(request.getTimeoutMillis());
            try (CallInterruption tie = CallInterruption.tie(interruption)) {
                SqlResult result = statement.execute(parameters, interruption);
                if (result instanceof SqlResult.UpdateCount count) {
                    return ExecuteResponse.newBuilder().setUpdateCount(count.count()).build();
                }
                SqlResult.Rows rows = (SqlResult.Rows) result;
                ClientSession.OpenCursor cursor = new ClientSession.OpenCursor(rows.columns(), rows.cursor(),
                        interruption);
                RowFrame frame;
                try {
                    frame = frame(cursor, request.getFetchSize());
                } catch (RuntimeException e) {
                    rows.cursor().close();
                    throw e;
                }
                ExecuteResponse.Builder response = ExecuteResponse.newBuilder().setRows(frame);
                if (!frame.getDone()) {
                    response.setCursorId(session.keep(cursor));
                }
                return response.build();
            }
        });
    }

    @Override
    public void fetch(FetchRequest request, StreamObserver<FetchResponse> observer) {
        Calls.answer(observer, "Fetch", () -> {
            ClientSession session = sessions.get(request.getSessionId());
            ClientSession.OpenCursor cursor = session.cursor(request.getCursorId());
            try (CallInterruption tie = CallInterruption.tie(cursor.interruption())) {
                RowFrame frame = frame(cursor, request.getMaxRows());
                if (frame.getDone()) {
                    session.closeCursor(request.getCursorId());
                }
                return FetchResponse.newBuilder().setFrame(frame).build();
            } catch (RuntimeException e) {
                session.closeCursor(request.getCursorId());
                throw e;
            }
        });
    }

    @Override
    public void closeCursor(CloseCursorRequest request, StreamObserver<CloseCursorResponse> observer) {
        Calls.answer(observer, "CloseCursor", () -> {
            sessions.get(request.getSessionId()).closeCursor(request.getCursorId());
            return CloseCursorResponse.getDefaultInstance();
        });
    }

    @Override
    public void executeBatch(ExecuteBatchRequest request, StreamObserver<ExecuteBatchResponse> observer) {
        Calls.answer(observer, "ExecuteBatch", () -> {
            SqlStatement statement = sessions.get(request.getSessionId()).statement(request.getStatementId());
            List<List<Object>> sets = new ArrayList<>(request.getParameterSetsCount());
            for (ParameterSet set : request.getParameterSetsList()) {
                sets.add(WireRows.fromWire(set.getValuesList()));
            }
            Interruption interruption = CallInterruption.budget(request.getTimeoutMillis());
            try (CallInterruption tie = CallInterruption.tie(interruption)) {
                long[] counts = statement.executeBatch(sets, interruption);
                ExecuteBatchResponse.Builder response = ExecuteBatchResponse.newBuilder();
                for (long count : counts) {
                    response.addUpdateCounts(count);
                }
                return response.build();
            }
        });
    }

    @Override
    public void listTableSchemas(ListTableSchemasRequest request, StreamObserver<ListTableSchemasResponse> observer) {
        Calls.answer(observer, "ListTableSchemas", () -> {
            ListTableSchemasResponse.Builder response = ListTableSchemasResponse.newBuilder();
            for (TableSchema schema : store.listTables()) {
                response.addTables(ProtoTables.toProto(schema));
                store.indexes(schema.name()).forEach(index -> response.addIndexes(IndexDescription.newBuilder()
                        .setTable(index.table()).setName(index.name()).setAttribute(index.attribute())
                        .setPlugin(index.plugin()).putAllOptions(index.options())));
            }
            return response.build();
        });
    }

    /**
     * The builds running in this server's store. It takes no session and no lock, so a client
     * asks while its own CREATE INDEX is still running on another call.
     */
    @Override
    public void listIndexBuilds(ListIndexBuildsRequest request, StreamObserver<ListIndexBuildsResponse> observer) {
        Calls.answer(observer, "ListIndexBuilds", () -> {
            ListIndexBuildsResponse.Builder response = ListIndexBuildsResponse.newBuilder();
            store.indexBuilds().forEach(build -> response.addBuilds(IndexBuild.newBuilder()
                    .setTable(build.table()).setIndex(build.index()).setPlugin(build.plugin())
                    .setItemsFiled(build.itemsFiled()).setEstimatedItems(build.estimatedItems())
                    .setStartedAtMillis(build.started().toEpochMilli())));
            return response.build();
        });
    }

    /** The next rows of a cursor, as many as asked (within bounds); done when none are left. */
    private static RowFrame frame(ClientSession.OpenCursor cursor, int asked) {
        int limit = asked <= 0 ? DEFAULT_FRAME_ROWS : Math.min(asked, MAX_FRAME_ROWS);
        RowCursor rows = cursor.rows();
        int width = cursor.columns().size();
        RowFrame.Builder frame = RowFrame.newBuilder();
        for (int i = 0; i < limit; i++) {
            if (!rows.next()) {
                rows.close();
                return frame.setDone(true).build();
            }
            Row.Builder row = Row.newBuilder();
            for (int column = 0; column < width; column++) {
                row.addValues(WireRows.toWire(rows.get(column)));
            }
            frame.addRows(row);
        }
        return frame.setDone(false).build();
    }
}
