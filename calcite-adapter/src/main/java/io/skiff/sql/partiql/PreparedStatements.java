package io.skiff.sql.partiql;

import io.skiff.storage.api.ItemStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements by text, shared by every session, so that the statements a server runs
 * again and again (with new parameters each time) are parsed and planned once. A cached statement
 * is used only while its table has the schema it was prepared against: a table dropped and
 * created again with other keys gets a freshly prepared statement.
 */
final class PreparedStatements {

    /** Most statements kept; past it the cache starts over, which costs only preparation time. */
    static final int CAPACITY = 4096;

    private final ItemStore store;
    private final StatementCompiler compiler;
    private final Map<String, PartiqlStatement> byText = new ConcurrentHashMap<>();

    PreparedStatements(ItemStore store, StatementCompiler compiler) {
        this.store = store;
        this.compiler = compiler;
    }

    PartiqlStatement prepare(String text) {
        PartiqlStatement cached = text == null ? null : byText.get(text);
        if (cached != null && store.findTable(cached.table()).equals(Optional.of(cached.schema()))) {
            return cached;
        }
        PartiqlStatement prepared = compiler.compile(text);
        if (byText.size() >= CAPACITY) {
            byText.clear();
        }
        byText.put(text, prepared);
        return prepared;
    }
}
