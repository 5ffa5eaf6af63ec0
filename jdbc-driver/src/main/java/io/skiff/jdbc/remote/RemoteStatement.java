package io.skiff.jdbc.remote;

import io.skiff.protocol.WireRows;
import io.skiff.protocol.v1.ExecuteBatchRequest;
import io.skiff.protocol.v1.ExecuteRequest;
import io.skiff.protocol.v1.ExecuteResponse;
import io.skiff.protocol.v1.ParameterSet;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.protocol.v1.SqlValue;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A statement prepared on the server: each execution sends its values and reads rows in frames. */
final class RemoteStatement implements SqlStatement {

    /** Where the statement lives: its session and id on the server, and how to call it. */
    record Target(String sessionId, String statementId, SqlServiceGrpc.SqlServiceBlockingStub stub,
                  RemoteCalls calls) {
    }

    /** Rows asked for in the first frame and each later one. */
    static final int FRAME_ROWS = 500;

    private final String sql;
    private final Kind kind;
    private final List<ColumnInfo> columns;
    private final List<ParameterInfo> parameters;
    private final Optional<RoutingKey> routingKey;
    private final Target target;

    RemoteStatement(String sql, Kind kind, List<ColumnInfo> columns, List<ParameterInfo> parameters,
                    Optional<RoutingKey> routingKey, Target target) {
        this.sql = sql;
        this.kind = kind;
        this.columns = columns;
        this.parameters = parameters;
        this.routingKey = routingKey;
        this.target = target;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<ColumnInfo> columns() {
        return columns;
    }

    @Override
    public List<ParameterInfo> parameters() {
        return parameters;
    }

    @Override
    public Optional<RoutingKey> routingKey() {
        return routingKey;
    }

    @Override
    public SqlResult execute(List<Object> values, Interruption interruption) {
        ExecuteRequest.Builder request = ExecuteRequest.newBuilder().setSessionId(target.sessionId())
                .setStatementId(target.statementId()).addAllParameters(wire(values)).setFetchSize(FRAME_ROWS);
        interruption.enter();
        ExecuteResponse response;
        try {
            request.setTimeoutMillis(RemoteCalls.timeoutMillis(interruption));
            response = target.calls().call(interruption, () -> target.stub().execute(request.build()));
        } finally {
            interruption.exit();
        }
        if (response.hasUpdateCount()) {
            return new SqlResult.UpdateCount(response.getUpdateCount());
        }
        return new SqlResult.Rows(columns, new RemoteRows(target, response.getCursorId(), response.getRows(),
                columns.size(), interruption));
    }

    /** The whole batch in one call: the server runs it at once, all or nothing, as the engine does. */
    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
        ExecuteBatchRequest.Builder request = ExecuteBatchRequest.newBuilder().setSessionId(target.sessionId())
                .setStatementId(target.statementId());
        for (List<Object> set : parameterSets) {
            request.addParameterSets(ParameterSet.newBuilder().addAllValues(wire(set)));
        }
        interruption.enter();
        try {
            request.setTimeoutMillis(RemoteCalls.timeoutMillis(interruption));
            List<Long> counts = target.calls().call(interruption,
                    () -> target.stub().executeBatch(request.build())).getUpdateCountsList();
            return counts.stream().mapToLong(Long::longValue).toArray();
        } finally {
            interruption.exit();
        }
    }

    private static List<SqlValue> wire(List<Object> values) {
        List<SqlValue> wire = new ArrayList<>(values.size());
        values.forEach(value -> wire.add(WireRows.toWire(value)));
        return wire;
    }
}
