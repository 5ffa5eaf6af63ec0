package io.skiff.jdbc.remote;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.jdbc.IndexBuild;
import io.skiff.jdbc.spi.Database;
import io.skiff.protocol.ProtoTables;
import io.skiff.protocol.v1.ListIndexBuildsRequest;
import io.skiff.protocol.v1.ListTableSchemasRequest;
import io.skiff.protocol.v1.OpenSessionRequest;
import io.skiff.protocol.v1.OpenSessionResponse;
import io.skiff.protocol.v1.SqlServiceGrpc;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.IndexInfo;
import io.skiff.sql.api.SqlSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Skiff server behind a connection: sessions are opened on it over gRPC, and statements,
 * rows and failures travel as the SQL service defines them. One channel per server the
 * connection talks to: the connected one, and, when statements are routed to group leaders
 * (see {@link RoutingSession}), the other servers of the URL's host list it sends them to.
 */
public final class RemoteDatabase implements Database {

    /** The port of a server when the URL names none. */
    public static final int DEFAULT_PORT = 7411;
    /** Largest message the driver reads: a frame of rows with large items. */
    static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
    /** How long a progress question may take. */
    private static final long BUILDS_DEADLINE_SECONDS = 10;

    private final String endpoint;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final SqlServiceGrpc.SqlServiceBlockingStub stub;
    private final RemoteCalls calls;
    /** Where keyed statements go; null when every statement goes to the connected server. */
    private final ClusterRoutes routes;

    private RemoteDatabase(String endpoint, List<String> endpoints, boolean routeToLeaders) {
        this.endpoint = endpoint;
        this.stub = stubOn(endpoint);
        this.calls = new RemoteCalls(endpoint);
        this.routes = routeToLeaders ? new ClusterRoutes(endpoint, endpoints, this::channel) : null;
    }

    private ManagedChannel channel(String target) {
        return channels.computeIfAbsent(target, key -> {
            int colon = key.lastIndexOf(':');
            return NettyChannelBuilder.forAddress(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)))
                    .usePlaintext().maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES).build();
        });
    }

    private SqlServiceGrpc.SqlServiceBlockingStub stubOn(String target) {
        return SqlServiceGrpc.newBlockingStub(channel(target)).withMaxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES);
    }

    /**
     * The first server of {@code hosts} (a comma-separated list of {@code host[:port]}) that
     * answers: a session in {@code dialect} (reading strongly when {@code strongReads}) is opened
     * on it to prove it does.
     *
     * @param routeToLeaders whether statements keyed by one partition go to the server of the host
     *        list that leads the partition's group, rather than all to the server that answered
     * @return the database and the session opened on it
     * @throws SkiffException the last server's failure when none answers
     */
    public static Connected connect(String hosts, Dialect dialect, boolean strongReads, boolean routeToLeaders) {
        List<String> endpoints = endpoints(hosts);
        SkiffException last = null;
        for (String endpoint : endpoints) {
            RemoteDatabase database = new RemoteDatabase(endpoint, endpoints, routeToLeaders);
            try {
                SqlSession session = database.openSession(dialect, strongReads);
                if (database.routes != null) {
                    // The first view of the leaders, asked now so that the first statements are routed.
                    database.routes.start();
                }
                return new Connected(database, session);
            } catch (SkiffException e) {
                database.close();
                last = e;
            }
        }
        throw last;
    }

    /** A database and the first session opened on it. */
    public record Connected(RemoteDatabase database, SqlSession session) {
    }

    /**
     * The {@code host:port} endpoints of a URL's host list, in order; a host without a port gets
     * {@value #DEFAULT_PORT}.
     */
    public static List<String> endpoints(String hosts) {
        String list = hosts.endsWith("/") ? hosts.substring(0, hosts.length() - 1) : hosts;
        List<String> endpoints = new ArrayList<>();
        for (String part : list.split(",")) {
            String endpoint = part.strip();
            if (endpoint.isEmpty() || endpoint.contains("/")) {
                throw SkiffException.validation("Cannot read the host list '" + hosts + "': expected"
                        + " host[:port][,host[:port]...]");
            }
            int colon = endpoint.lastIndexOf(':');
            if (colon < 0 || endpoint.startsWith("[") && endpoint.endsWith("]")) {
                endpoints.add(endpoint + ":" + DEFAULT_PORT);
                continue;
            }
            String port = endpoint.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535 || colon == 0) {
                throw SkiffException.validation("Cannot read '" + endpoint + "' in the host list: expected"
                        + " host:port with a port of 1 to 65535");
            }
            endpoints.add(endpoint);
        }
        return endpoints;
    }

    @Override
    public SqlSession openSession(Dialect dialect) {
        return openSession(dialect, false);
    }

    @Override
    public SqlSession openSession(Dialect dialect, boolean strongReads) {
        SqlSession home = openSessionOn(endpoint, stub, calls, dialect, strongReads);
        if (routes == null) {
            return home;
        }
        return new RoutingSession(home, endpoint, target -> openSessionOn(target, stubOn(target),
                new RemoteCalls(target), dialect, strongReads), routes, strongReads);
    }

    private static SqlSession openSessionOn(String target, SqlServiceGrpc.SqlServiceBlockingStub stub,
                                            RemoteCalls calls, Dialect dialect, boolean strongReads) {
        OpenSessionResponse response = calls.call(() -> stub.openSession(OpenSessionRequest.newBuilder()
                .setDialect(dialect.label()).setConsistentRead(strongReads).build()));
        return new RemoteSession(response.getSessionId(), stub, calls);
    }

    @Override
    public List<TableSchema> tables() {
        List<TableSchema> tables = new ArrayList<>();
        calls.call(() -> stub.listTableSchemas(ListTableSchemasRequest.getDefaultInstance())).getTablesList()
                .forEach(table -> tables.add(ProtoTables.fromProto(table)));
        return tables;
    }

    @Override
    public List<IndexInfo> indexes() {
        List<IndexInfo> indexes = new ArrayList<>();
        calls.call(() -> stub.listTableSchemas(ListTableSchemasRequest.getDefaultInstance())).getIndexesList()
                .forEach(index -> indexes.add(new IndexInfo(index.getTable(), index.getName(), index.getAttribute(),
                        index.getPlugin(), new java.util.TreeMap<>(index.getOptionsMap()))));
        return indexes;
    }

    /**
     * The builds running on the connected server. A call of its own on the shared channel, so it
     * runs beside the connection's statement (gRPC multiplexes calls); bounded, so a progress
     * poller never hangs on a server that stopped answering.
     */
    @Override
    public List<IndexBuild> indexBuilds() {
        List<IndexBuild> builds = new ArrayList<>();
        calls.call(() -> stub.withDeadlineAfter(BUILDS_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listIndexBuilds(ListIndexBuildsRequest.getDefaultInstance())).getBuildsList()
                .forEach(build -> builds.add(new IndexBuild(build.getTable(), build.getIndex(), build.getPlugin(),
                        build.getItemsFiled(), build.getEstimatedItems(),
                        Instant.ofEpochMilli(build.getStartedAtMillis()))));
        return builds;
    }

    /** Where the connection goes, as {@code host:port}. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (routes != null) {
            routes.close();
        }
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel channel : channels.values()) {
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.shutdownNow();
            }
        }
    }
}
