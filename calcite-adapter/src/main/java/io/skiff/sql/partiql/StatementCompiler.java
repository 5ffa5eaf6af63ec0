package io.skiff.sql.partiql;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.parser.partiql.Statement;
import io.skiff.parser.partiql.StatementParser;
import io.skiff.sql.schema.DistanceCalls;
import io.skiff.parser.partiql.TableRef;
import io.skiff.storage.api.ItemStore;

/** Parses a statement and checks it against the catalog: what preparing a statement does. */
final class StatementCompiler {

    private final ItemStore store;
    private final AccessPlanner planner;

    StatementCompiler(ItemStore store, AccessPlanner planner) {
        this.store = store;
        this.planner = planner;
    }

    PartiqlStatement compile(String text) {
        if (text == null) {
            throw SkiffException.at(ErrorCode.SYNTAX_ERROR, 1, 1, "Empty statement");
        }
        Statement statement = StatementParser.parse(text, DistanceCalls.names());
        TableSchema schema = table(statement.table());
        return new PartiqlStatement(text, command(statement, schema));
    }

    private Command command(Statement statement, TableSchema schema) {
        if (statement instanceof Statement.Select select) {
            return SelectCommand.prepare(select, schema, store, planner);
        }
        if (statement instanceof Statement.Insert insert) {
            return new InsertCommand(insert, schema, store);
        }
        if (statement instanceof Statement.Update update) {
            return new UpdateCommand(update, schema, store, planner);
        }
        if (statement instanceof Statement.Delete delete) {
            return new DeleteCommand(delete, schema, store, planner);
        }
        return new ExistsCommand((Statement.ExistsCheck) statement, schema, planner);
    }

    /** The schema of the table a statement names; an index or an unknown table is refused at its position. */
    private TableSchema table(TableRef table) {
        if (table.index().isPresent()) {
            throw table.position().invalid("Secondary indexes are not supported yet: \"" + table.table() + "\".\""
                    + table.index().get() + "\" names the index '" + table.index().get() + "' of table '"
                    + table.table() + "'; query the table itself");
        }
        return store.findTable(table.table()).orElseThrow(() -> SkiffException.at(ErrorCode.TABLE_NOT_FOUND,
                table.position().line(), table.position().column(), "Table '" + table.table() + "' does not exist"));
    }
}
