package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * PartiQL in DynamoDB's dialect over one store: the one entry point behind
 * {@code ExecuteStatement}, {@code BatchExecuteStatement} and {@code ExecuteTransaction}.
 * Parameters and results are {@code core} attribute values and items (their DynamoDB JSON shape
 * is {@link io.skiff.core.json.ItemJson}'s business). Sessions are cheap and thread-safe; they
 * share their engine's prepared statements.
 *
 * <p>Every failure is an {@link SkiffException} with a stable code; statement errors carry the
 * line and column of the fault. A rejected statement changes nothing.
 */
public final class PartiqlSession implements AutoCloseable {

    private final PartiqlEngine engine;
    private volatile boolean closed;

    PartiqlSession(PartiqlEngine engine) {
        this.engine = engine;
    }

    /** Parses, checks and plans a statement once, for many executions. */
    public PartiqlStatement prepare(String statement) {
        checkOpen();
        return engine.prepare(statement);
    }

    /** {@code ExecuteStatement}: runs one statement with its parameters and request options. */
    public PartiqlResult execute(String statement, List<AttributeValue> parameters, ExecuteOptions options) {
        return prepare(statement).execute(parameters, options);
    }

    /** Runs one statement with its parameters: the first page, no limit. */
    public PartiqlResult execute(String statement, AttributeValue... parameters) {
        return execute(statement, List.of(parameters), ExecuteOptions.DEFAULT);
    }

    /**
     * {@code BatchExecuteStatement}: up to {@value Batches#MAX_STATEMENTS} statements, all
     * SELECTs that each read one item by its full key, or all writes. Each runs on its own (the
     * batch is not atomic) and gets one response: its item, or its error.
     */
    public List<BatchResponse> executeBatch(List<ParameterizedStatement> statements) {
        checkOpen();
        return new Batches(engine).execute(Objects.requireNonNull(statements, "statements"));
    }

    /**
     * {@code ExecuteTransaction}: up to {@value Transactions#MAX_STATEMENTS} statements, all or
     * nothing. Either writes (INSERT, UPDATE, DELETE) with {@code EXISTS} condition checks, or
     * SELECTs that each read one item by its full key from one consistent view. A failed write
     * transaction is {@code TRANSACTION_CANCELLED} with one reason per statement.
     *
     * @param clientToken makes the request idempotent: within
     *                    {@link ClientTokens#WINDOW} the same token and the same statements return
     *                    the first committed result without running again; the same token with
     *                    other statements is refused
     */
    public TransactionResult executeTransaction(List<ParameterizedStatement> statements, Optional<String> clientToken) {
        checkOpen();
        Objects.requireNonNull(statements, "statements");
        Objects.requireNonNull(clientToken, "clientToken");
        Transactions transactions = new Transactions(engine);
        if (clientToken.isEmpty()) {
            return transactions.execute(statements);
        }
        return engine.clientTokens().run(clientToken.get(), ClientTokens.fingerprint(statements),
                () -> transactions.execute(statements));
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw SkiffException.validation("The PartiQL session is closed");
        }
    }
}
