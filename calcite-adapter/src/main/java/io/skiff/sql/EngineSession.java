package io.skiff.sql;

import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.ddl.DdlExecutor;
import io.skiff.sql.exec.StatementPlanner;
import io.skiff.sql.rel.DirectInsert;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** A session of the {@link SqlEngine}: sorts statements by kind and prepares each once. */
final class EngineSession implements SqlSession {

    private final StatementPlanner planner;
    private final DdlExecutor ddl;
    /** Whether point lookups may run directly rather than through generated code. */
    private final boolean directReads;
    private boolean closed;

    EngineSession(StatementPlanner planner, DdlExecutor ddl, boolean directReads) {
        this.planner = planner;
        this.ddl = ddl;
        this.directReads = directReads;
    }

    @Override
    public SqlStatement prepare(String sql) {
        if (closed) {
            throw new SkiffException(ErrorCode.VALIDATION_ERROR, "The session is closed");
        }
        StatementPlanner.Parsed parsed = planner.parse(sql);
        try {
            SqlNode node = parsed.node();
            if (DdlExecutor.isDdl(node)) {
                return new Statements.Ddl(sql, node, ddl);
            }
            if (node instanceof SqlExplain explain) {
                return new io.skiff.sql.api.Explanation(sql, parsed.explain(explain.getExplicandum()));
            }
            if (node.getKind().belongsTo(SqlKind.QUERY)) {
                return new Statements.Query(sql, parsed.compile(node, directReads), parsed.parameters());
            }
            if (node.getKind().belongsTo(SqlKind.DML)) {
                Optional<DirectInsert> direct = DirectInsert.of(node, planner::table);
                return new Statements.Dml(sql, parsed.compile(node), parsed.parameters(), direct);
            }
            throw SkiffException.at(ErrorCode.VALIDATION_ERROR, Math.max(1, node.getParserPosition().getLineNum()),
                    Math.max(1, node.getParserPosition().getColumnNum()),
                    node.getKind() + " statements are not supported");
        } finally {
            parsed.close();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    static List<Object> checkedParameters(List<Object> parameters, int expected) {
        if (parameters.size() != expected) {
            throw SkiffException.validation("The statement has " + expected + " parameter(s) but "
                    + parameters.size() + " value(s) were given");
        }
        return parameters;
    }
}
