package io.skiff.sql.partiql;

import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import io.skiff.sql.ddl.IndexDdl;
import io.skiff.storage.api.ItemStore;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PartiQL behind the SQL session contract, so that JDBC (connection property
 * {@code dialect=partiql}) and the shell run DynamoDB's dialect with the engine's semantics.
 *
 * <ul>
 *   <li>A SELECT is a query whose rows are items: one column per selected path, or for
 *       {@code SELECT *} the key columns and {@code _doc} (see {@link ItemRows}). Every page is
 *       read, one after the other, as the rows are fetched.</li>
 *   <li>INSERT, UPDATE and DELETE give an update count (a DELETE of a missing item counts 0);
 *       with RETURNING they give the returned item as a row instead.</li>
 *   <li>Parameters are bound from the Java classes SQL takes (String, numbers, Boolean, byte[],
 *       List, Map, Set) or given as {@link io.skiff.core.value.AttributeValue}s.</li>
 *   <li>A prepared statement's batch is one transaction.</li>
 *   <li>{@code EXPLAIN <statement>} (or SQL's {@code EXPLAIN PLAN FOR <statement>}) gives the
 *       statement's plan, one row per line.</li>
 * </ul>
 */
public final class PartiqlSqlSession implements SqlSession {

    /** The EXPLAIN prefix, which is not PartiQL: DynamoDB has no EXPLAIN statement. */
    private static final Pattern EXPLAIN = Pattern.compile("^\\s*(EXPLAIN(?:\\s+PLAN\\s+FOR)?)\\s",
            Pattern.CASE_INSENSITIVE);

    private final PartiqlSession session;
    private final ItemStore store;

    private PartiqlSqlSession(PartiqlSession session, ItemStore store) {
        this.session = session;
        this.store = store;
    }

    /**
     * A SQL session that runs PartiQL statements through {@code session}, and index DDL against
     * {@code store}; closing it closes that session.
     */
    public static PartiqlSqlSession over(PartiqlSession session, ItemStore store) {
        return new PartiqlSqlSession(Objects.requireNonNull(session, "session"), Objects.requireNonNull(store, "store"));
    }

    @Override
    public SqlStatement prepare(String text) {
        Objects.requireNonNull(text, "text");
        Optional<SqlStatement> indexDdl = IndexDdl.of(text, store);
        if (indexDdl.isPresent()) {
            return indexDdl.get();
        }
        Matcher explain = EXPLAIN.matcher(text);
        if (explain.find()) {
            // Blanking the words keeps every line:column of the statement as the user sees it.
            String statement = text.substring(0, explain.start(1))
                    + explain.group(1).replaceAll("[^\\r\\n]", " ") + text.substring(explain.end(1));
            return new io.skiff.sql.api.Explanation(text, session.prepare(statement).explain());
        }
        return new PartiqlSqlStatement(session.prepare(text), session);
    }

    @Override
    public void close() {
        session.close();
    }
}
