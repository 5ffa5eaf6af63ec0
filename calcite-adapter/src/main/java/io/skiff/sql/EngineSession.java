package io.skiff.sql;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import io.skiff.sql.ddl.DdlExecutor;
import io.skiff.sql.ddl.IndexDdl;
import io.skiff.sql.exec.PlannedSizes;
import io.skiff.sql.exec.StatementPlanner;
import io.skiff.sql.rel.DirectInsert;
import io.skiff.storage.api.ItemStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * A session of the {@link SqlEngine}: sorts statements by kind and prepares each once. A text
 * prepared again while the catalog is unchanged gets the statement prepared before, so a client
 * that prepares per use (a connection pool, a plain {@code Statement}) does not pay for planning
 * each time. A statement whose plan reads tables follows their sizes ({@link ReplanningStatement}):
 * it is planned again when one of them grew or shrank a lot since.
 */
final class EngineSession implements SqlSession {

    /** Most statements a session remembers; the least recently used are forgotten first. */
    static final int CACHED_STATEMENTS = 256;

    private final StatementPlanner planner;
    private final DdlExecutor ddl;
    /** Whether point lookups may run directly rather than through generated code. */
    private final boolean directReads;
    private final Supplier<CatalogState> catalog;
    private final ItemStore store;
    private final ReplanPolicy replanPolicy;
    private final Map<String, SqlStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SqlStatement> eldest) {
            return size() > CACHED_STATEMENTS;
        }
    };
    /** The catalog the remembered statements were planned against. */
    private CatalogState preparedAgainst = CatalogState.EMPTY;
    private boolean closed;

    EngineSession(StatementPlanner planner, DdlExecutor ddl, boolean directReads, Supplier<CatalogState> catalog,
                  ItemStore store, ReplanPolicy replanPolicy) {
        this.planner = planner;
        this.ddl = ddl;
        this.directReads = directReads;
        this.catalog = catalog;
        this.store = store;
        this.replanPolicy = replanPolicy;
    }

    @Override
    public SqlStatement prepare(String sql) {
        if (closed) {
            throw new SkiffException(ErrorCode.VALIDATION_ERROR, "The session is closed");
        }
        // A table created, dropped or altered since may change any plan: forget them all then.
        CatalogState now = catalog.get();
        if (!now.equals(preparedAgainst)) {
            prepared.clear();
            preparedAgainst = now;
        }
        SqlStatement known = prepared.get(sql);
        if (known instanceof ReplanningStatement following) {
            // Preparing again looks at the sizes as an execution does (no more often than it may).
            following.fresh();
        }
        if (known != null) {
            return known;
        }
        SqlStatement statement = followingSizes(sql, plan(sql));
        prepared.put(sql, statement);
        return statement;
    }

    /**
     * The statement, made to follow the sizes of the tables its plan reads. Plans that read none,
     * and point lookups that run directly (the key is the best path at any size), stay as they are.
     */
    private SqlStatement followingSizes(String sql, ReplanningStatement.Planned planned) {
        if (planned.sizes().isEmpty() || planned.statement().runsDirectly()) {
            return planned.statement();
        }
        return new ReplanningStatement(planned, () -> plan(sql),
                table -> io.skiff.sql.schema.SkiffTable.approximateRows(store, table), replanPolicy);
    }

    private ReplanningStatement.Planned plan(String sql) {
        Optional<SqlStatement> indexDdl = IndexDdl.of(sql, store);
        if (indexDdl.isPresent()) {
            return new ReplanningStatement.Planned(indexDdl.get(), PlannedSizes.NONE);
        }
        StatementPlanner.Parsed parsed = planner.parse(sql);
        try {
            SqlNode node = parsed.node();
            if (DdlExecutor.isDdl(node)) {
                return new ReplanningStatement.Planned(new Statements.Ddl(sql, node, ddl), PlannedSizes.NONE);
            }
            SqlStatement statement;
            if (node instanceof SqlExplain explain) {
                statement = new io.skiff.sql.api.Explanation(sql, parsed.explain(explain.getExplicandum()));
            } else if (node.getKind().belongsTo(SqlKind.QUERY)) {
                statement = new Statements.Query(sql, parsed.compile(node, directReads), parsed.parameters());
            } else if (node.getKind().belongsTo(SqlKind.DML)) {
                Optional<DirectInsert> direct = DirectInsert.of(node, planner::table);
                statement = new Statements.Dml(sql, parsed.compile(node), parsed.parameters(), direct);
            } else {
                throw SkiffException.at(ErrorCode.VALIDATION_ERROR, Math.max(1, node.getParserPosition().getLineNum()),
                        Math.max(1, node.getParserPosition().getColumnNum()),
                        node.getKind() + " statements are not supported");
            }
            return new ReplanningStatement.Planned(statement, parsed.plannedSizes());
        } finally {
            parsed.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        prepared.clear();
    }

    static List<Object> checkedParameters(List<Object> parameters, int expected) {
        if (parameters.size() != expected) {
            throw SkiffException.validation("The statement has " + expected + " parameter(s) but "
                    + parameters.size() + " value(s) were given");
        }
        return parameters;
    }
}
