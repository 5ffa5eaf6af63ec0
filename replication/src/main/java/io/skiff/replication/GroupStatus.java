package io.skiff.replication;

import java.util.List;
import java.util.Optional;

/**
 * One Raft group as a node sees it.
 *
 * @param group the group's index
 * @param groupId the Raft group id
 * @param leaderId the leader this node knows, if any
 * @param role this node's role: LEADER, FOLLOWER, CANDIDATE or LISTENER
 * @param term the current term
 * @param commitIndex the last log index this node knows committed
 * @param appliedIndex the last log index this node's replica applied
 * @param peers the group's voters
 * @param forwardedWrites writes this node received while another node led the group, and sent on
 *        to the leader: each costs an extra hop, which a client routing by key avoids
 */
public record GroupStatus(int group, String groupId, Optional<String> leaderId, String role, long term,
                          long commitIndex, long appliedIndex, List<ClusterMember> peers, long forwardedWrites) {
}
