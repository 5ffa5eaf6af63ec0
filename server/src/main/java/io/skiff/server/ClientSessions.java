package io.skiff.server;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.SqlEngine;
import io.skiff.sql.api.Dialect;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of remote connections. A client that goes away without closing its session
 * leaves it behind; sessions idle longer than the timeout are closed, with their cursors.
 */
final class ClientSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);

    private final SqlEngine engine;
    private final Duration idleTimeout;
    private final SqlEngine consistentEngine;
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;

    /**
     * @param engine the engine sessions run in
     * @param consistentEngine the engine of sessions that asked for linearizable reads (the same
     *                         engine when the store has one copy of the data)
     * @param idleTimeout how long a session may go unused before it is closed
     */
    ClientSessions(SqlEngine engine, SqlEngine consistentEngine, Duration idleTimeout) {
        this.engine = engine;
        this.consistentEngine = consistentEngine;
        this.idleTimeout = idleTimeout;
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skiff-session-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, Math.min(60_000, idleTimeout.toMillis() / 2));
        reaper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    ClientSession open(Dialect dialect, boolean consistentReads) {
        ClientSession session = new ClientSession((consistentReads ? consistentEngine : engine).openSession(dialect));
        sessions.put(session.id(), session);
        return session;
    }

    /** The session, marked as used now. */
    ClientSession get(String sessionId) {
        ClientSession session = sessions.get(sessionId);
        if (session == null) {
            throw SkiffException.validation("No session '" + sessionId + "' on this server: it was closed, or"
                    + " closed after " + idleTimeout.toMinutes() + " minutes unused; connect again");
        }
        session.touch();
        return session;
    }

    void close(String sessionId) {
        ClientSession session = sessions.remove(sessionId);
        if (session != null) {
            session.close();
        }
    }

    int size() {
        return sessions.size();
    }

    private void closeIdle() {
        for (ClientSession session : sessions.values()) {
            if (session.idleNanos() > idleTimeout.toNanos()) {
                LOG.info("event=session-expired session={} idle-seconds={}", session.id(),
                        TimeUnit.NANOSECONDS.toSeconds(session.idleNanos()));
                close(session.id());
            }
        }
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        sessions.keySet().forEach(this::close);
    }
}
