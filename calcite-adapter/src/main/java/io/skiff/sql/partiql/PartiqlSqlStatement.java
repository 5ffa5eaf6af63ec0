package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.InterruptibleCursor;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import io.skiff.sql.schema.SqlValues;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A prepared PartiQL statement as the SQL session contract presents it; see {@link PartiqlSqlSession}. */
final class PartiqlSqlStatement implements SqlStatement {

    private static final ParameterInfo ANY_VALUE = new ParameterInfo(Types.JAVA_OBJECT, "ANY");

    private final PartiqlStatement statement;
    private final PartiqlSession session;
    private final Optional<ItemRows> rows;
    private final List<ParameterInfo> parameters;

    PartiqlSqlStatement(PartiqlStatement statement, PartiqlSession session) {
        this.statement = statement;
        this.session = session;
        this.rows = statement.returnsItems() ? Optional.of(ItemRows.of(statement)) : Optional.empty();
        this.parameters = Collections.nCopies(statement.parameterCount(), ANY_VALUE);
    }

    @Override
    public String sql() {
        return statement.text();
    }

    @Override
    public Kind kind() {
        return statement.kind() == PartiqlStatement.Kind.SELECT ? Kind.QUERY : Kind.DML;
    }

    @Override
    public List<ColumnInfo> columns() {
        return rows.map(ItemRows::columns).orElse(List.of());
    }

    @Override
    public List<ParameterInfo> parameters() {
        return parameters;
    }

    @Override
    public Optional<RoutingKey> routingKey() {
        return statement.routingKey();
    }

    @Override
    public SqlResult execute(List<Object> values, Interruption interruption) {
        List<AttributeValue> bound = attributeValues(values);
        interruption.enter();
        try {
            if (rows.isEmpty()) {
                return new SqlResult.UpdateCount(statement.executeForCount(bound));
            }
            PartiqlResult first = statement.execute(bound);
            PagedRows cursor = statement.kind() == PartiqlStatement.Kind.SELECT
                    ? new PagedRows(statement, bound, rows.get(), first)
                    : PagedRows.of(first.items(), rows.get());
            return new SqlResult.Rows(columns(), new InterruptibleCursor(cursor, interruption));
        } finally {
            interruption.exit();
        }
    }

    /**
     * The whole batch as one PartiQL transaction: every execution or none. DynamoDB's limits hold
     * (at most {@value Transactions#MAX_STATEMENTS} statements, no two on one item, no RETURNING).
     * A DELETE's count is {@link Statement#SUCCESS_NO_INFO}: a transaction does not say whether
     * the item was there.
     */
    @Override
    public long[] executeBatch(List<List<Object>> parameterSets, Interruption interruption) {
        if (parameterSets.isEmpty()) {
            return new long[0];
        }
        if (statement.kind() == PartiqlStatement.Kind.SELECT) {
            throw SkiffException.validation("A batch runs writes (INSERT, UPDATE, DELETE); run a SELECT on its own");
        }
        if (parameterSets.size() > Transactions.MAX_STATEMENTS) {
            throw SkiffException.validation("A PartiQL batch runs as one transaction of at most "
                    + Transactions.MAX_STATEMENTS + " statements, not " + parameterSets.size()
                    + "; split it, or use the SQL dialect for larger atomic batches");
        }
        List<ParameterizedStatement> statements = new ArrayList<>(parameterSets.size());
        for (List<Object> values : parameterSets) {
            statements.add(new ParameterizedStatement(statement.text(), attributeValues(values)));
        }
        interruption.enter();
        try {
            session.executeTransaction(statements, Optional.empty());
        } finally {
            interruption.exit();
        }
        long[] counts = new long[parameterSets.size()];
        java.util.Arrays.fill(counts, statement.kind() == PartiqlStatement.Kind.DELETE ? Statement.SUCCESS_NO_INFO : 1);
        return counts;
    }

    /** JDBC's values as attribute values: an {@link AttributeValue} as it is, other classes as SQL converts them. */
    private static List<AttributeValue> attributeValues(List<Object> values) {
        List<AttributeValue> converted = new ArrayList<>(values.size());
        for (Object value : values) {
            converted.add(value instanceof AttributeValue attribute ? attribute : SqlValues.fromSql(value));
        }
        return converted;
    }
}
