package io.skiff.server;

import io.skiff.core.error.SkiffException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff-server}: serves one node's database over gRPC until it is stopped (SIGTERM, Ctrl-C). */
@Command(name = "skiff-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Serves a Skiff database over gRPC: ExecuteStatement (PartiQL), tables, the remote JDBC"
                + " driver's SQL service, health checking and server reflection.",
                "Each setting comes from its flag, else its SKIFF_* environment variable, else the --config"
                        + " file, else its default."})
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the database lives (SKIFF_DATA_DIR;"
            + " default: ./data).")
    private String dataDir;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (SKIFF_HOST; default: 0.0.0.0).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free one (SKIFF_PORT;"
            + " default: 7411).")
    private String port;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", description = "How long calls in flight may take"
            + " to finish on shutdown, e.g. 10s (SKIFF_SHUTDOWN_GRACE; default: 10s).")
    private String shutdownGrace;

    @Option(names = "--session-idle-timeout", paramLabel = "DURATION", description = "How long a remote JDBC"
            + " session may go unused before it is closed (SKIFF_SESSION_IDLE_TIMEOUT; default: 30m).")
    private String sessionIdleTimeout;

    @Option(names = "--sync-writes", description = "Fsync the write-ahead log on every commit, so a power loss"
            + " loses no acknowledged write (SKIFF_SYNC_WRITES; default: off, a process crash loses none either way).")
    private boolean syncWrites;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's id in a cluster; with --peers, the"
            + " server is a replica of a Raft group (SKIFF_NODE_ID; default: none, a single node).")
    private String nodeId;

    @Option(names = "--peers", paramLabel = "ID=HOST:PORT,...", description = "Every voter of the cluster, this node"
            + " included, with its Raft port (SKIFF_PEERS).")
    private String peers;

    @Option(names = "--raft-port", paramLabel = "PORT", description = "This node's Raft port; checked against"
            + " --peers (SKIFF_RAFT_PORT).")
    private String raftPort;

    @Option(names = "--groups", paramLabel = "N", description = "How many Raft groups the keyspace is hashed over;"
            + " every node needs the same (SKIFF_GROUPS; default: 1).")
    private String groups;

    @Option(names = "--join", description = "Start outside the group and wait to be added as a voter by"
            + " `skiff cluster add-voter` (SKIFF_JOIN).")
    private boolean join;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML file of settings: data-dir, host, port,"
            + " shutdown-grace, session-idle-timeout, sync-writes, node-id, peers, raft-port, join, groups.")
    private Path config;

    private final Map<String, String> environment;

    Main(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    static int run(Map<String, String> environment, String... args) {
        return new CommandLine(new Main(environment)).execute(args);
    }

    /** The flags given on the command line, by setting name. */
    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        putIfGiven(flags, "data-dir", dataDir);
        putIfGiven(flags, "host", host);
        putIfGiven(flags, "port", port);
        putIfGiven(flags, "shutdown-grace", shutdownGrace);
        putIfGiven(flags, "session-idle-timeout", sessionIdleTimeout);
        putIfGiven(flags, "sync-writes", syncWrites ? "true" : null);
        putIfGiven(flags, "node-id", nodeId);
        putIfGiven(flags, "peers", peers);
        putIfGiven(flags, "raft-port", raftPort);
        putIfGiven(flags, "join", join ? "true" : null);
        putIfGiven(flags, "groups", groups);
        return flags;
    }

    private static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    @Override
    public Integer call() {
        ServerSettings settings;
        OpenStore opened;
        try {
            settings = ServerSettings.resolve(flags(), environment, Optional.ofNullable(config));
            opened = OpenStore.open(settings);
        } catch (SkiffException e) {
            System.err.println("skiff-server: " + e.getMessage());
            return 1;
        }
        SkiffServer server;
        try {
            server = SkiffServer.start(opened.store(), opened.node(), settings.host(), settings.port(),
                    settings.sessionIdleTimeout());
        } catch (RuntimeException e) {
            opened.close();
            System.err.println("skiff-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("event=shutdown-requested");
            server.stop(settings.shutdownGrace());
            opened.close();
            LOG.info("event=store-closed data-dir={}", settings.dataDir());
            stopped.countDown();
        }, "skiff-server-shutdown"));
        System.out.println("skiff-server listening on " + settings.host() + ":" + server.port() + " with data in "
                + settings.dataDir().toAbsolutePath() + opened.describe());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The version picocli prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"skiff-server " + ServerVersion.current()};
        }
    }
}
