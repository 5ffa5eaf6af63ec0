package io.skiff.jdbc.remote;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A session that sends each execution of a statement keyed by one partition to the server that
 * leads the partition's group, instead of to the connected server, which would forward it: the
 * write (or strong read) saves a hop between servers. Statements are prepared on the connected
 * server first, which says whether they are keyed; the same text is prepared on another server
 * the first time an execution goes there, in a session of the same dialect and consistency.
 */
final class RoutingSession implements SqlSession {

    /** A session on another server unused this long is opened afresh, before its server forgets it. */
    static final long IDLE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private final SqlSession home;
    private final String homeEndpoint;
    private final Function<String, SqlSession> opener;
    private final ClusterRoutes routes;
    private final boolean strongReads;
    private final Map<String, Remote> elsewhere = new ConcurrentHashMap<>();

    /**
     * @param home the session on the connected server
     * @param opener opens a session of the same dialect and consistency on another endpoint
     */
    RoutingSession(SqlSession home, String homeEndpoint, Function<String, SqlSession> opener, ClusterRoutes routes,
                   boolean strongReads) {
        this.home = home;
        this.homeEndpoint = homeEndpoint;
        this.opener = opener;
        this.routes = routes;
        this.strongReads = strongReads;
    }

    @Override
    public SqlStatement prepare(String sql) {
        SqlStatement statement = home.prepare(sql);
        boolean routed = statement.kind() == SqlStatement.Kind.DML
                || statement.kind() == SqlStatement.Kind.QUERY && strongReads;
        return routed && statement.routingKey().isPresent() ? new RoutedStatement(statement, this) : statement;
    }

    ClusterRoutes routes() {
        return routes;
    }

    String homeEndpoint() {
        return homeEndpoint;
    }

    /**
     * {@code sql} prepared in this session's twin on {@code endpoint}, opened (again) when needed.
     *
     * @throws SkiffException when that server cannot be reached or refuses the statement; nothing
     *         was executed
     */
    SqlStatement preparedOn(String endpoint, String sql) {
        Remote remote = elsewhere.get(endpoint);
        long now = System.nanoTime();
        if (remote == null || now - remote.lastUsedNanos > IDLE_NANOS) {
            if (remote != null) {
                elsewhere.remove(endpoint);
                remote.session.close();
            }
            remote = new Remote(opener.apply(endpoint));
            elsewhere.put(endpoint, remote);
        }
        remote.lastUsedNanos = now;
        return remote.statements.computeIfAbsent(sql, remote.session::prepare);
    }

    /** Forgets the session on {@code endpoint} after a failure there, so that the next use opens a new one. */
    void forget(String endpoint) {
        Remote remote = elsewhere.remove(endpoint);
        if (remote != null) {
            remote.session.close();
        }
    }

    @Override
    public void close() {
        elsewhere.values().forEach(remote -> remote.session.close());
        elsewhere.clear();
        home.close();
    }

    /** A session on another server and the statements prepared in it. */
    private static final class Remote {
        final SqlSession session;
        final Map<String, SqlStatement> statements = new ConcurrentHashMap<>();
        volatile long lastUsedNanos;

        Remote(SqlSession session) {
            this.session = session;
        }
    }
}
