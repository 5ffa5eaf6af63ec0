package io.skiff.jdbc.remote;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.protocol.WireRows;
import io.skiff.protocol.v1.CloseSessionRequest;
import io.skiff.protocol.v1.PrepareRequest;
import io.skiff.protocol.v1.PrepareResponse;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A session on the server: statements are prepared there, and run there with each execution's values. */
final class RemoteSession implements SqlSession {

    private final String id;
    private final SqlServiceGrpc.SqlServiceBlockingStub stub;
    private final RemoteCalls calls;
    private volatile boolean closed;

    RemoteSession(String id, SqlServiceGrpc.SqlServiceBlockingStub stub, RemoteCalls calls) {
        this.id = id;
        this.stub = stub;
        this.calls = calls;
    }

    @Override
    public SqlStatement prepare(String sql) {
        if (closed) {
            throw SkiffException.validation("The session is closed");
        }
        PrepareResponse prepared = calls.call(() -> stub.prepare(PrepareRequest.newBuilder().setSessionId(id)
                .setText(sql).build()));
        List<ColumnInfo> columns = new ArrayList<>();
        prepared.getColumnsList().forEach(column -> columns.add(WireRows.fromWire(column)));
        List<ParameterInfo> parameters = new ArrayList<>();
        prepared.getParametersList().forEach(parameter -> parameters.add(WireRows.fromWire(parameter)));
        SqlStatement.Kind kind = SqlStatement.Kind.valueOf(prepared.getKind().name());
        return new RemoteStatement(sql, kind, List.copyOf(columns), List.copyOf(parameters), routingKey(prepared),
                new RemoteStatement.Target(id, prepared.getStatementId(), stub, calls));
    }

    private static Optional<RoutingKey> routingKey(PrepareResponse prepared) {
        if (!prepared.hasRoutingKey()) {
            return Optional.empty();
        }
        io.skiff.protocol.v1.RoutingKey key = prepared.getRoutingKey();
        try {
            return Optional.of(new RoutingKey(key.getTable(), key.getParameter(), AttributeType.valueOf(key.getKeyType())));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a key type this driver does not know: the server still routes it
        }
    }

    /** Closes the session on the server; a server already gone has nothing left to close. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            calls.call(() -> stub.closeSession(CloseSessionRequest.newBuilder().setSessionId(id).build()));
        } catch (SkiffException e) {
            // The server forgets idle sessions by itself.
        }
    }
}
