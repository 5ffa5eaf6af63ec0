package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import io.skiff.parser.partiql.ReturnValues;
import io.skiff.parser.partiql.Statement;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.TransactWriteItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB's {@code ExecuteTransaction}: a write transaction (INSERT, UPDATE, DELETE and
 * {@code EXISTS} checks) committed by {@code ItemStore.transactWrite}, all or nothing, or a read
 * transaction of SELECTs by full key answered from one consistent view. A statement that cannot
 * be prepared or bound fails the whole request before anything runs.
 */
final class Transactions {

    /** Most statements in one transaction, as in DynamoDB. */
    static final int MAX_STATEMENTS = 100;

    private final PartiqlEngine engine;

    Transactions(PartiqlEngine engine) {
        this.engine = engine;
    }

    TransactionResult execute(List<ParameterizedStatement> statements) {
        if (statements.isEmpty() || statements.size() > MAX_STATEMENTS) {
            throw SkiffException.validation("A transaction holds 1 to " + MAX_STATEMENTS + " statements, not "
                    + statements.size());
        }
        List<PartiqlStatement> prepared = new ArrayList<>();
        List<Binder> binders = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            try {
                PartiqlStatement statement = engine.prepare(statements.get(i).statement());
                binders.add(statement.binder(statements.get(i).parameters()));
                prepared.add(statement);
            } catch (SkiffException e) {
                throw StatementErrors.inStatement(i, "transaction", e);
            }
        }
        long reads = prepared.stream().filter(s -> s.kind() == PartiqlStatement.Kind.SELECT).count();
        if (reads == prepared.size()) {
            return read(prepared, binders);
        }
        if (reads > 0) {
            throw SkiffException.validation("A transaction holds either SELECT statements or writes (INSERT, UPDATE,"
                    + " DELETE with EXISTS checks), not both");
        }
        return write(prepared, binders);
    }

    private TransactionResult read(List<PartiqlStatement> prepared, List<Binder> binders) {
        List<SelectCommand.PointRead> reads = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            try {
                reads.add(((SelectCommand) prepared.get(i).command()).pointRead(binders.get(i), "a transaction"));
            } catch (SkiffException e) {
                throw StatementErrors.inStatement(i, "transaction", e);
            }
        }
        List<GetItem> gets = reads.stream().map(SelectCommand.PointRead::get).toList();
        List<Optional<Item>> items = engine.store().transactGet(gets);
        List<Optional<Item>> results = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            results.add(reads.get(i).result(items.get(i)));
        }
        return new TransactionResult(results);
    }

    private TransactionResult write(List<PartiqlStatement> prepared, List<Binder> binders) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            try {
                WriteCommand command = (WriteCommand) prepared.get(i).command();
                rejectReturning(command.statement());
                items.add(command.transactItem(binders.get(i)));
            } catch (SkiffException e) {
                throw StatementErrors.inStatement(i, "transaction", e);
            }
        }
        engine.store().transactWrite(items);
        return TransactionResult.WRITTEN;
    }

    /** A transaction returns nothing for its writes, so it takes no RETURNING clause, as in DynamoDB. */
    private static void rejectReturning(Statement statement) {
        ReturnValues returning = statement instanceof Statement.Update update ? update.returning()
                : statement instanceof Statement.Delete delete ? delete.returning() : ReturnValues.NONE;
        if (returning != ReturnValues.NONE) {
            throw statement.position().invalid("A statement in a transaction cannot have " + returning.clause()
                    + "; a transaction returns no items for its writes");
        }
    }
}
