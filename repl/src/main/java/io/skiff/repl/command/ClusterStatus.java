package io.skiff.repl.command;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.jdbc.remote.RemoteDatabase;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import io.skiff.protocol.v1.Peer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code \cluster}: each server of the connection's URL, asked for its view of the cluster's
 * groups: leader, its own role, term, commit and applied index, writes it forwarded to the leader,
 * and the voters.
 */
final class ClusterStatus {

    private static final String REMOTE = "jdbc:skiff://";

    private ClusterStatus() {
    }

    static boolean show(Invocation invocation, CommandContext context) throws CommandException {
        invocation.expect(0, 0, "");
        String url = context.session().url();
        PrintWriter out = context.session().notices();
        if (url == null || !url.startsWith(REMOTE)) {
            out.println("Connected to an embedded database: one node, not a cluster.");
            out.flush();
            return true;
        }
        for (String endpoint : endpoints(url)) {
            out.println(describe(endpoint));
        }
        out.flush();
        return true;
    }

    /** The {@code host:port} of each server in a remote URL's host list, as the driver reads it. */
    static List<String> endpoints(String url) {
        return RemoteDatabase.endpoints(url.substring(REMOTE.length()).split("[?]", 2)[0]);
    }

    private static String describe(String endpoint) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(endpoint).usePlaintext().build();
        try {
            ClusterStatusResponse status = ClusterServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).status(ClusterStatusRequest.getDefaultInstance());
            return render(endpoint, status);
        } catch (StatusRuntimeException e) {
            return endpoint + ": no answer (" + e.getStatus().getCode() + ")";
        } finally {
            channel.shutdownNow();
        }
    }

    static String render(String endpoint, ClusterStatusResponse status) {
        if (!status.getReplicated()) {
            return endpoint + ": a single node, not a cluster";
        }
        StringBuilder text = new StringBuilder();
        text.append("Node ").append(status.getNodeId()).append(" (").append(endpoint).append(')')
                .append(System.lineSeparator());
        text.append(String.format(Locale.ROOT, "  %-5s  %-8s  %-9s  %6s  %10s  %10s  %9s  %s%n", "group", "leader",
                "role", "term", "commit", "applied", "forwarded", "voters"));
        for (GroupStatus group : status.getGroupsList()) {
            List<String> voters = group.getPeersList().stream().map(Peer::getNodeId).toList();
            text.append(String.format(Locale.ROOT, "  %-5d  %-8s  %-9s  %6d  %10d  %10d  %9d  %s%n", group.getGroup(),
                    group.getLeaderId().isEmpty() ? "(none)" : group.getLeaderId(), group.getRole(), group.getTerm(),
                    group.getCommitIndex(), group.getAppliedIndex(), group.getForwardedWrites(),
                    String.join(", ", voters)));
        }
        return text.toString().stripTrailing();
    }
}
