package io.skiff.sql.partiql;

import io.skiff.core.schema.TableSchema;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.Statement;
import io.skiff.storage.api.TransactWriteItem;
import java.util.Optional;

/** What a prepared PartiQL statement does when it runs: checked against the catalog once. */
sealed interface Command permits SelectCommand, WriteCommand {

    /** The statement as parsed. */
    Statement statement();

    /** The schema of the table it was prepared against. */
    TableSchema schema();

    /** Runs the statement on its own. */
    PartiqlResult execute(Binder binder, ExecuteOptions options, String text);

    /** The statement's plan, one operator per line. */
    String explain();

    /**
     * The expression that gives the one partition every execution touches, when there is one:
     * the partition key of the item written, or the one value a read's partition key equals.
     */
    default Optional<Expr> partitionKey() {
        return Optional.empty();
    }
}

/** A statement that writes (or, for EXISTS, checks) one item: it can take part in a transaction. */
sealed interface WriteCommand extends Command permits InsertCommand, UpdateCommand, DeleteCommand, ExistsCommand {

    /** The statement as one item of a write transaction. */
    TransactWriteItem transactItem(Binder binder);
}
