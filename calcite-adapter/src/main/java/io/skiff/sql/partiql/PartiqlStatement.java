package io.skiff.sql.partiql;

import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.sql.api.RoutingKey;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.ReturnValues;
import io.skiff.parser.partiql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prepared PartiQL statement: parsed, checked against the catalog and planned once, then run
 * any number of times with different parameter values. Immutable and thread-safe.
 *
 * <p>Every failure is an {@link io.skiff.core.error.SkiffException}: {@code SYNTAX_ERROR} and
 * {@code VALIDATION_ERROR} name the statement's line and column, {@code TABLE_NOT_FOUND} the
 * table's; the write errors are {@code CONDITIONAL_CHECK_FAILED} and {@code DUPLICATE_ITEM}. A
 * rejected statement changes nothing.
 */
public final class PartiqlStatement {

    /** What kind of statement it is. */
    public enum Kind { SELECT, INSERT, UPDATE, DELETE, EXISTS }

    private final String text;
    private final Command command;

    PartiqlStatement(String text, Command command) {
        this.text = Objects.requireNonNull(text, "text");
        this.command = Objects.requireNonNull(command, "command");
    }

    /** The statement text as given. */
    public String text() {
        return text;
    }

    public Kind kind() {
        Statement statement = command.statement();
        if (statement instanceof Statement.Select) {
            return Kind.SELECT;
        }
        if (statement instanceof Statement.Insert) {
            return Kind.INSERT;
        }
        if (statement instanceof Statement.Update) {
            return Kind.UPDATE;
        }
        if (statement instanceof Statement.Delete) {
            return Kind.DELETE;
        }
        return Kind.EXISTS;
    }

    /** How many {@code ?} parameters the statement has. */
    public int parameterCount() {
        return command.statement().parameterCount();
    }

    /** The table the statement works on. */
    public String table() {
        return command.schema().name();
    }

    /** The {@code ?} marker that names the one partition every execution touches, when one does. */
    public Optional<RoutingKey> routingKey() {
        TableSchema schema = command.schema();
        return command.partitionKey().filter(Expr.Parameter.class::isInstance)
                .map(key -> new RoutingKey(schema.name(), ((Expr.Parameter) key).index(), schema.partitionKey().type()));
    }

    /** Runs the statement: the first page, no limit. */
    public PartiqlResult execute(List<AttributeValue> parameters) {
        return execute(parameters, ExecuteOptions.DEFAULT);
    }

    /** Runs the statement with one value per {@code ?} marker, in text order. */
    public PartiqlResult execute(List<AttributeValue> parameters, ExecuteOptions options) {
        Objects.requireNonNull(options, "options");
        return command.execute(binder(parameters), options, text);
    }

    /**
     * The plan, one operator per line, in the style of SQL's EXPLAIN: the same access path names
     * ({@code point get}, {@code multi-get}, {@code range scan}, {@code full scan}), with the
     * PartiQL operators (projection, filter inside the read, write commands) above them.
     */
    public String explain() {
        return command.explain();
    }

    /**
     * Runs a write and counts the items it changed: 1 for an INSERT or UPDATE (which fail rather
     * than change nothing), 0 or 1 for a DELETE, which succeeds on a missing item.
     */
    long executeForCount(List<AttributeValue> parameters) {
        if (command instanceof DeleteCommand delete) {
            return delete.executeCounting(binder(parameters)) ? 1 : 0;
        }
        execute(parameters);
        return 1;
    }

    /** Whether running it gives items: a SELECT, or a write with RETURNING. */
    boolean returnsItems() {
        Statement statement = command.statement();
        if (statement instanceof Statement.Update update) {
            return update.returning() != ReturnValues.NONE;
        }
        if (statement instanceof Statement.Delete delete) {
            return delete.returning() != ReturnValues.NONE;
        }
        return statement instanceof Statement.Select;
    }

    /** The names a SELECT list returns its paths under; empty for whole items. */
    List<String> selectedNames() {
        return command instanceof SelectCommand select ? select.shape().names() : List.of();
    }

    Binder binder(List<AttributeValue> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return Binder.of(parameters, parameterCount(), command.statement().position());
    }

    Command command() {
        return command;
    }

    TableSchema schema() {
        return command.schema();
    }

    @Override
    public String toString() {
        return text;
    }
}
