package io.skiff.sql.ddl;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.functions.IndexPlugins;
import io.skiff.parser.ddl.IndexStatement;
import io.skiff.parser.ddl.IndexStatements;
import io.skiff.parser.partiql.Position;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.NoResultStatement;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.ItemStore;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE INDEX} and {@code DROP INDEX}, the same in both dialects. The plugin and its
 * options are checked when the statement is prepared, so a mistake names its place in the text;
 * the update count of a creation is the number of items filed in the new index.
 */
public final class IndexDdl implements NoResultStatement {

    private static final IndexPlugins PLUGINS = IndexPlugins.shared();

    private final String sql;
    private final IndexStatement statement;
    private final ItemStore store;

    private IndexDdl(String sql, IndexStatement statement, ItemStore store) {
        this.sql = sql;
        this.statement = statement;
        this.store = store;
    }

    /** The statement the text holds, when it is index DDL. */
    public static Optional<SqlStatement> of(String sql, ItemStore store) {
        if (!IndexStatements.isIndexStatement(sql)) {
            return Optional.empty();
        }
        IndexStatement statement = IndexStatements.parse(sql);
        if (statement instanceof IndexStatement.Create create) {
            try {
                PLUGINS.configure(create.plugin(), create.options());
            } catch (SkiffException e) {
                throw at(create.pluginPosition(), e.code(), e.getMessage());
            }
        }
        return Optional.of(new IndexDdl(sql, statement, store));
    }

    private static SkiffException at(Position position, ErrorCode code, String message) {
        return SkiffException.at(code, position.line(), position.column(), message);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public Kind kind() {
        return Kind.DDL;
    }

    @Override
    public SqlResult execute(List<Object> parameters, Interruption interruption) {
        if (!parameters.isEmpty()) {
            throw SkiffException.validation("CREATE INDEX and DROP INDEX take no parameters");
        }
        interruption.check();
        if (statement instanceof IndexStatement.Create create) {
            long filed = store.createIndex(new IndexDefinition(create.index(), create.table(), create.attribute(),
                    create.plugin(), create.options()), create.ifNotExists());
            return new SqlResult.UpdateCount(filed);
        }
        IndexStatement.Drop drop = (IndexStatement.Drop) statement;
        store.dropIndex(drop.table(), drop.index(), drop.ifExists());
        return new SqlResult.UpdateCount(0);
    }
}
