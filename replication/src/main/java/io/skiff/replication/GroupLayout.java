package io.skiff.replication;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.key.PartitionHashes;
import io.skiff.storage.api.Scan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;

/**
 * How the keyspace is split over Raft groups: group {@code i} of {@code n} owns the {@code i}-th
 * of {@code n} equal slices of the partition-hash space. Items are stored in hash order, so the
 * groups in index order read like one table in a full scan. Every node must run the same count.
 */
public final class GroupLayout {

    /** Most groups a deployment may have. */
    public static final int MAX_GROUPS = 256;

    private final int count;
    private final List<RaftGroupId> ids;

    public GroupLayout(int count) {
        this.count = checkCount(count);
        List<RaftGroupId> groupIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groupIds.add(idOf(i));
        }
        this.ids = List.copyOf(groupIds);
    }

    /** Returns {@code count} if it is a valid number of groups, else throws. */
    static int checkCount(int count) {
        if (count < 1 || count > MAX_GROUPS) {
            throw new IllegalArgumentException("A deployment has 1 to " + MAX_GROUPS + " groups, not " + count);
        }
        return count;
    }

    /** The id of group {@code index}: the same on every node, derived from the index alone. */
    static RaftGroupId idOf(int index) {
        return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("skiff/group/" + index).getBytes(StandardCharsets.UTF_8)));
    }

    public int count() {
        return count;
    }

    RaftGroupId id(int index) {
        return ids.get(index);
    }

    List<RaftGroupId> ids() {
        return ids;
    }

    /** The group that owns a partition. */
    public int groupOf(AttributeValue partitionKey) {
        return PartitionHashes.sliceOf(PartitionHashes.of(partitionKey), count);
    }

    /** The groups, in scan order, whose hash slices overlap the segment a scan reads. */
    List<Integer> groupsOf(Scan scan) {
        long start = PartitionHashes.sliceStart(scan.segment(), scan.totalSegments());
        long end = PartitionHashes.sliceStart(scan.segment() + 1, scan.totalSegments());
        List<Integer> groups = new ArrayList<>();
        for (int group = 0; group < count; group++) {
            long groupStart = PartitionHashes.sliceStart(group, count);
            long groupEnd = PartitionHashes.sliceStart(group + 1, count);
            if (groupStart < end && start < groupEnd) {
                groups.add(group);
            }
        }
        return groups;
    }
}
