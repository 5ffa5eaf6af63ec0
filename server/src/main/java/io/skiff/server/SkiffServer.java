package io.skiff.server;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.skiff.replication.ReplicaNode;
import io.skiff.sql.SqlEngine;
import io.skiff.sql.partiql.PartiqlSession;
import io.skiff.storage.api.ItemStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server over one store: the statement, table and SQL services, standard health
 * checking and server reflection. It does not own the store; whoever opened it closes it after
 * {@link #stop}.
 */
public final class SkiffServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SkiffServer.class);

    /** Largest request the server reads: a 400 KB item in DynamoDB JSON, 100 of them in a transaction, with room. */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final Server server;
    private final HealthStatusManager health;
    private final ClientSessions sessions;
    private final List<PartiqlSession> partiqlSessions;

    private SkiffServer(Server server, HealthStatusManager health, ClientSessions sessions,
                        List<PartiqlSession> partiqlSessions) {
        this.server = server;
        this.health = health;
        this.sessions = sessions;
        this.partiqlSessions = partiqlSessions;
    }

    /**
     * Starts serving {@code store} on {@code host:port} (port 0 picks a free one).
     *
     * @param sessionIdleTimeout how long a remote session may go unused before it is closed
     */
    public static SkiffServer start(ItemStore store, String host, int port, Duration sessionIdleTimeout) {
        return start(store, Optional.empty(), host, port, sessionIdleTimeout);
    }

    /**
     * Starts serving {@code store}, this node's view of a cluster when {@code node} is present,
     * on {@code host:port} (port 0 picks a free one); the cluster service answers for {@code node}.
     */
    public static SkiffServer start(ItemStore store, Optional<ReplicaNode> node, String host, int port,
                                    Duration sessionIdleTimeout) {
        SqlEngine engine = SqlEngine.over(store);
        // A replicated store reads locally unless asked for consistency; one copy is always consistent.
        ItemStore consistentStore = store.consistentReads();
        SqlEngine consistentEngine = consistentStore == store ? engine : SqlEngine.over(consistentStore);
        ClientSessions sessions = new ClientSessions(engine, consistentEngine, sessionIdleTimeout);
        PartiqlSession partiql = engine.openPartiqlSession();
        PartiqlSession consistentPartiql = consistentEngine == engine ? partiql
                : consistentEngine.openPartiqlSession();
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .addService(new StatementEndpoint(partiql, consistentPartiql))
                .addService(new TableEndpoint(store))
                .addService(new ItemEndpoint(store))
                .addService(new SqlEndpoint(sessions, store, ServerVersion.current()))
                .addService(new ClusterEndpoint(node))
                .addService(health.getHealthService())
                .addService(ProtoReflectionService.newInstance())
                .build();
        try {
            server.start();
        } catch (IOException e) {
            sessions.close();
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        SkiffServer started = new SkiffServer(server, health, sessions,
                consistentPartiql == partiql ? List.of(partiql) : List.of(partiql, consistentPartiql));
        health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
        LOG.info("event=listening host={} port={} version={}", host, server.getPort(), ServerVersion.current());
        return started;
    }

    /** How many remote JDBC sessions are open. */
    public int sessionCount() {
        return sessions.size();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /**
     * Stops accepting calls, lets the calls in flight finish for up to {@code grace}, then cancels
     * the rest and closes every remote session.
     */
    public void stop(Duration grace) {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("event=shutdown-forced grace-ms={}", grace.toMillis());
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        sessions.close();
        partiqlSessions.forEach(PartiqlSession::close);
        LOG.info("event=stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
