package io.skiff.repl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.ManagedChannel;
import io.skiff.protocol.v1.AddVoterRequest;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import io.skiff.protocol.v1.Peer;
import io.skiff.protocol.v1.RemoveServerRequest;
import io.skiff.protocol.v1.TransferLeaderRequest;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skiff cluster status | add-voter | remove-server | transfer-leader}. */
final class ClusterCommands {

    private ClusterCommands() {
    }

    /** The {@code cluster} command with its subcommands. */
    static CommandLine command(CliIo io, Map<String, String> environment) {
        return new CommandLine(new Cluster())
                .addSubcommand(new Status(io, environment))
                .addSubcommand(new AddVoter(io, environment))
                .addSubcommand(new RemoveServer(io, environment))
                .addSubcommand(new TransferLeader(io, environment));
    }

    @Command(name = "cluster", description = "Status and membership of a replicated cluster.")
    static final class Cluster implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing subcommand: status, add-voter, remove-server or transfer-leader");
        }
    }

    static ObjectNode statusJson(ClusterStatusResponse status) {
        ObjectNode node = CliIo.object().put("NodeId", status.getNodeId()).put("Replicated", status.getReplicated());
        ArrayNode groups = node.putArray("Groups");
        for (GroupStatus group : status.getGroupsList()) {
            ObjectNode entry = groups.addObject().put("Group", group.getGroup()).put("Leader", group.getLeaderId())
                    .put("Role", group.getRole()).put("Term", group.getTerm())
                    .put("CommitIndex", group.getCommitIndex()).put("AppliedIndex", group.getAppliedIndex());
            ArrayNode voters = entry.putArray("Voters");
            for (Peer peer : group.getPeersList()) {
                voters.add(peer.getNodeId() + "=" + peer.getRaftAddress());
            }
        }
        return node;
    }

    @Command(name = "status", description = "Each group's leader, term, commit and applied index, as each node"
            + " named by --endpoint (a comma-separated list) sees it.")
    static final class Status extends ApiCommand {
        Status(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        public Integer call() {
            ArrayNode nodes = CliIo.JSON.createArrayNode();
            int worst = 0;
            int answered = 0;
            for (String target : targets()) {
                int status = callTarget(target, channel -> nodes.add(statusJson(ClusterServiceGrpc
                        .newBlockingStub(channel).status(ClusterStatusRequest.getDefaultInstance()))
                        .put("Endpoint", target)));
                answered += status == 0 ? 1 : 0;
                worst = Math.max(worst, status);
            }
            if (answered > 0) {
                ObjectNode result = CliIo.object();
                result.set("Nodes", nodes);
                io.print(result);
            }
            return worst;
        }

        @Override
        void call(ManagedChannel channel) {
            throw new IllegalStateException("status calls each endpoint itself");
        }
    }

    @Command(name = "add-voter", description = "Make a running node (started with --join) a voter of every group.")
    static final class AddVoter extends ApiCommand {
        @Option(names = "--node-id", required = true, paramLabel = "ID")
        String nodeId;
        @Option(names = "--raft-address", required = true, paramLabel = "HOST:PORT",
                description = "The new node's Raft endpoint.")
        String raftAddress;

        AddVoter(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            io.print(statusJson(ClusterServiceGrpc.newBlockingStub(channel).addVoter(AddVoterRequest.newBuilder()
                    .setNodeId(nodeId).setRaftAddress(raftAddress).build())));
        }
    }

    @Command(name = "remove-server", description = "Remove a node from every group.")
    static final class RemoveServer extends ApiCommand {
        @Option(names = "--node-id", required = true, paramLabel = "ID")
        String nodeId;

        RemoveServer(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            io.print(statusJson(ClusterServiceGrpc.newBlockingStub(channel).removeServer(RemoveServerRequest
                    .newBuilder().setNodeId(nodeId).build())));
        }
    }

    @Command(name = "transfer-leader", description = "Move the leadership of a group (or of every group) to a node.")
    static final class TransferLeader extends ApiCommand {
        @Option(names = "--node-id", required = true, paramLabel = "ID", description = "The new leader.")
        String nodeId;
        @Option(names = "--group", paramLabel = "N", description = "The group to move (default: every group).")
        Integer group;

        TransferLeader(CliIo io, Map<String, String> environment) {
            super(io, environment);
        }

        @Override
        void call(ManagedChannel channel) {
            TransferLeaderRequest.Builder request = TransferLeaderRequest.newBuilder().setNodeId(nodeId);
            if (group == null) {
                request.setAllGroups(true);
            } else {
                request.setGroup(group);
            }
            io.print(statusJson(ClusterServiceGrpc.newBlockingStub(channel).transferLeader(request.build())));
        }
    }
}
