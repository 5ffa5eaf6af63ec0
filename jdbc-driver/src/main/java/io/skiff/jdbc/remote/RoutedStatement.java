package io.skiff.jdbc.remote;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A statement keyed by one partition: each execution goes to the server that leads the group
 * owning the partition named by its parameters, when the session knows that server; otherwise,
 * and whenever that server cannot be reached before the statement is sent, to the connected server.
 * A failure after the statement was sent is reported, not retried elsewhere: the write may have
 * been applied.
 */
final class RoutedStatement implements SqlStatement {

    private final SqlStatement home;
    private final RoutingSession session;
    private final RoutingKey key;

    RoutedStatement(SqlStatement home, RoutingSession session) {
        this.home = home;
        this.session = session;
        this.key = home.routingKey().orElseThrow();
    }

    @Override
    public String sql() {
        return home.sql();
    }

    @Override
    public Kind kind() {
        return home.kind();
    }

    @Override
    public List<ColumnInfo> columns() {
        return home.columns();
    }

    @Override
    public List<ParameterInfo> parameters() {
        return home.parameters();
    }

    @Override
    public Optional<RoutingKey> routingKey() {
        return home.routingKey();
    }

    @Override
    public SqlResult execute(List<Object> values, Interruption interruption) {
        Optional<String> leader = leaderFor(values);
        if (leader.isEmpty()) {
            return home.execute(values, interruption);
        }
        return runOn(leader.get(), statement -> statement.execute(values, interruption));
    }

    /** A batch whose every set goes to one group runs on its leader; any other batch on the connected server. */
    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
        Optional<String> leader = parameterSets.isEmpty() ? Optional.empty() : leaderFor(parameterSets.get(0));
        for (int i = 1; i < parameterSets.size() && leader.isPresent(); i++) {
            if (!leaderFor(parameterSets.get(i)).equals(leader)) {
                leader = Optional.empty();
            }
        }
        if (leader.isEmpty()) {
            return home.executeBatch(parameterSets, interruption);
        }
        return runOn(leader.get(), statement -> statement.executeBatch(parameterSets, interruption));
    }

    private <T> T runOn(String endpoint, java.util.function.Function<SqlStatement, T> run) {
        SqlStatement there;
        try {
            there = session.preparedOn(endpoint, home.sql());
        } catch (SkiffException e) {
            // Nothing was sent: the connected server runs it, forwarding it if needs be.
            session.forget(endpoint);
            session.routes().forget();
            return run.apply(home);
        }
        try {
            return run.apply(there);
        } catch (SkiffException e) {
            if (e.code() == ErrorCode.ENGINE_CLOSED || e.code() == ErrorCode.CLUSTER_UNAVAILABLE
                    || e.code() == ErrorCode.VALIDATION_ERROR && e.getMessage().startsWith("No session")) {
                session.forget(endpoint);
                session.routes().forget();
                if (neverConnected(e)) {
                    return run.apply(home);
                }
            }
            throw e;
        }
    }

    /** Whether the call failed to connect at all, so that the statement never left this process. */
    private static boolean neverConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The leader to send an execution to, unless it is the connected server or unknown. */
    private Optional<String> leaderFor(List<Object> values) {
        if (key.parameter() >= values.size()) {
            return Optional.empty();
        }
        return partitionKey(values.get(key.parameter())).flatMap(session.routes()::leaderOf)
                .filter(endpoint -> !endpoint.equals(session.homeEndpoint()));
    }

    /** The partition key a parameter value becomes on the server, when the driver can tell. */
    private Optional<AttributeValue> partitionKey(Object value) {
        if (value instanceof AttributeValue attribute) {
            return Optional.of(attribute);
        }
        switch (key.keyType()) {
            case S:
                return value instanceof String text ? Optional.of(new StringValue(text)) : Optional.empty();
            case N:
                return numberOf(value).map(NumberValue::new);
            case B:
                return value instanceof byte[] bytes ? Optional.of(new BinaryValue(Bytes.of(bytes))) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<BigDecimal> numberOf(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        return Optional.empty();
    }
}
