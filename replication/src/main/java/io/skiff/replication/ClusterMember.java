package io.skiff.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a cluster as its peers reach it: an id and the address of its Raft port.
 *
 * @param id the node id, unique in the cluster: 1 to 64 characters of {@code [A-Za-z0-9_-]}
 * @param host the host name or address
 * @param raftPort the port of its Raft endpoint
 */
public record ClusterMember(String id, String host, int raftPort) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SPEC = Pattern.compile("([^=,\\s]+)=([^:,\\s]+):(\\d{1,5})");

    public ClusterMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid node id '" + id
                    + "': use 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        if (raftPort < 1 || raftPort > 65535) {
            throw new IllegalArgumentException("Invalid Raft port " + raftPort + " for node '" + id + "'");
        }
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + raftPort;
    }

    /** A member from its id and the {@code host:port} of its Raft endpoint. */
    public static ClusterMember of(String id, String address) {
        return parseList(id + "=" + address).get(0);
    }

    /**
     * Reads a member list written as {@code id=host:port[,id=host:port...]}, the form of the
     * {@code --peers} flag.
     */
    public static List<ClusterMember> parseList(String text) {
        List<ClusterMember> members = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher spec = SPEC.matcher(part.trim());
            if (!spec.matches()) {
                throw new IllegalArgumentException("Invalid peer '" + part.trim() + "': expected id=host:port");
            }
            members.add(new ClusterMember(spec.group(1), spec.group(2), Integer.parseInt(spec.group(3))));
        }
        return members;
    }
}
