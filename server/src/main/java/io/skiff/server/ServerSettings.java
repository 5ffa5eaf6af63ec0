package io.skiff.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.skiff.core.error.SkiffException;
import io.skiff.replication.ClusterMember;
import io.skiff.replication.GroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's settings, each taken from the first source that gives it: a command-line flag,
 * then a {@code SKIFF_*} environment variable, then the YAML configuration file, then the default.
 *
 * @param dataDir where the database lives ({@code --data-dir}, {@code SKIFF_DATA_DIR}, {@code data-dir})
 * @param host the address to listen on ({@code --host}, {@code SKIFF_HOST}, {@code host})
 * @param port the port to listen on, 0 for any free one ({@code --port}, {@code SKIFF_PORT}, {@code port})
 * @param shutdownGrace how long calls in flight may take to finish on shutdown
 *                      ({@code --shutdown-grace}, {@code SKIFF_SHUTDOWN_GRACE}, {@code shutdown-grace}; e.g. {@code 10s})
 * @param sessionIdleTimeout how long a remote session may go unused
 *                           ({@code --session-idle-timeout}, {@code SKIFF_SESSION_IDLE_TIMEOUT}, {@code session-idle-timeout})
 * @param syncWrites fsync the storage engine's write-ahead log on every commit
 *                   ({@code --sync-writes}, {@code SKIFF_SYNC_WRITES}, {@code sync-writes}; default off)
 * @param cluster present when this server is a node of a replicated cluster ({@code --node-id} with
 *                {@code --peers}); absent for a single node
 */
public record ServerSettings(Path dataDir, String host, int port, Duration shutdownGrace,
                             Duration sessionIdleTimeout, boolean syncWrites, Optional<Cluster> cluster) {

    /**
     * This node's place in a cluster.
     *
     * @param nodeId this node's id ({@code --node-id}, {@code SKIFF_NODE_ID}, {@code node-id})
     * @param peers every voter, this node included, as {@code id=host:raftPort,...}
     *              ({@code --peers}, {@code SKIFF_PEERS}, {@code peers})
     * @param join whether this node starts outside the group and waits to be added as a voter
     *             ({@code --join}, {@code SKIFF_JOIN}, {@code join})
     * @param groups how many Raft groups the keyspace is hashed over, the same on every node
     *               ({@code --groups}, {@code SKIFF_GROUPS}, {@code groups}; default 1)
     */
    public record Cluster(String nodeId, List<ClusterMember> peers, boolean join, int groups) {
    }

    static final String DEFAULT_DATA_DIR = "data";
    static final String DEFAULT_HOST = "0.0.0.0";
    static final int DEFAULT_PORT = 7411;
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

    private static final Set<String> FILE_KEYS = Set.of("data-dir", "host", "port", "shutdown-grace",
            "session-idle-timeout", "sync-writes", "node-id", "peers", "raft-port", "join", "groups");

    /** Where each setting may come from; a source that lacks a setting gives empty. */
    interface Source {
        Optional<String> get(String key);
    }

    /**
     * The settings from the sources in order of precedence: flags, environment, file.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} naming the setting and its source for a bad value
     */
    static ServerSettings resolve(Map<String, String> flags, Map<String, String> environment,
                                  Optional<Path> configFile) {
        Map<String, String> file = configFile.map(ServerSettings::readFile).orElse(Map.of());
        Source source = key -> first(Optional.ofNullable(flags.get(key)),
                Optional.ofNullable(environment.get("SKIFF_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))),
                Optional.ofNullable(file.get(key)));
        return new ServerSettings(
                Path.of(source.get("data-dir").orElse(DEFAULT_DATA_DIR)),
                source.get("host").orElse(DEFAULT_HOST),
                source.get("port").map(value -> port(value)).orElse(DEFAULT_PORT),
                source.get("shutdown-grace").map(value -> duration("shutdown-grace", value))
                        .orElse(DEFAULT_SHUTDOWN_GRACE),
                source.get("session-idle-timeout").map(value -> duration("session-idle-timeout", value))
                        .orElse(DEFAULT_SESSION_IDLE_TIMEOUT),
                source.get("sync-writes").map(value -> flag("sync-writes", value)).orElse(false),
                cluster(source));
    }

    /** The cluster settings: none, or a node id with its peers; a half-given cluster is refused. */
    private static Optional<Cluster> cluster(Source source) {
        Optional<String> nodeId = source.get("node-id");
        Optional<String> peers = source.get("peers");
        Optional<String> raftPort = source.get("raft-port");
        boolean join = source.get("join").map(value -> flag("join", value)).orElse(false);
        Optional<String> groups = source.get("groups");
        if (nodeId.isEmpty() && peers.isEmpty()) {
            if (raftPort.isPresent() || join || groups.isPresent()) {
                throw SkiffException.validation("Settings raft-port, join and groups need node-id and peers");
            }
            return Optional.empty();
        }
        if (nodeId.isEmpty() || peers.isEmpty()) {
            throw SkiffException.validation("A cluster node needs both node-id and peers (id=host:raft-port,...)");
        }
        List<ClusterMember> members;
        try {
            members = ClusterMember.parseList(peers.get());
        } catch (IllegalArgumentException e) {
            throw SkiffException.validation("Setting peers='" + peers.get() + "' is invalid: " + e.getMessage());
        }
        ClusterMember self = members.stream().filter(m -> m.id().equals(nodeId.get())).findFirst()
                .orElseThrow(() -> SkiffException.validation("Setting node-id='" + nodeId.get()
                        + "' names none of the peers " + peers.get()));
        if (raftPort.isPresent() && port(raftPort.get()) != self.raftPort()) {
            throw SkiffException.validation("Setting raft-port=" + raftPort.get() + " disagrees with peers, which give"
                    + " node '" + self.id() + "' Raft port " + self.raftPort());
        }
        return Optional.of(new Cluster(nodeId.get(), members, join, groups.map(ServerSettings::groups).orElse(1)));
    }

    private static int groups(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= GroupLayout.MAX_GROUPS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SkiffException.validation("Setting groups='" + value + "' is invalid: expected 1 to "
                + GroupLayout.MAX_GROUPS);
    }

    private static boolean flag(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw SkiffException.validation("Setting " + key + "='" + value + "' is invalid: expected true or false");
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... values) {
        for (Optional<String> value : values) {
            if (value.isPresent() && !value.get().isBlank()) {
                return Optional.of(value.get().strip());
            }
        }
        return Optional.empty();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SkiffException.validation("Setting port='" + value + "' is invalid: expected 0 to 65535");
    }

    /** {@code 10s}, {@code 500ms}, {@code 5m}, {@code 1h}, or an ISO-8601 duration such as {@code PT10S}. */
    static Duration duration(String key, String value) {
        try {
            String text = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            switch (text.charAt(text.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw SkiffException.validation("Setting " + key + "='" + value + "' is invalid: expected a duration such"
                + " as 500ms, 10s, 5m or 1h");
    }

    private static Map<String, String> readFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(Files.readString(file));
        } catch (IOException e) {
            throw SkiffException.validation("Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw SkiffException.validation("The configuration file " + file + " must hold a map of settings");
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!FILE_KEYS.contains(field.getKey())) {
                throw SkiffException.validation("Unknown setting '" + field.getKey() + "' in " + file + "; known: "
                        + new java.util.TreeSet<>(FILE_KEYS));
            }
            if (!field.getValue().isValueNode()) {
                throw SkiffException.validation("Setting " + field.getKey() + " in " + file + " must be a single value");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
