package io.skiff.core.key;

import io.skiff.core.value.AttributeValue;
import java.util.zip.CRC32C;

/**
 * The partition hash: an unsigned 32-bit hash of a partition key value. Items are stored in
 * hash order (so a scan segment is a hash range), and a sharded deployment places each
 * partition in the group that owns its hash range, so a group's items form one contiguous
 * stretch of a full scan.
 */
public final class PartitionHashes {

    /** How many hash values there are: hashes run from 0 to {@code SPACE - 1}. */
    public static final long SPACE = 1L << 32;

    private PartitionHashes() {
    }

    /** The hash of a partition key value. */
    public static long of(AttributeValue partitionKey) {
        return ofEncoded(KeyEncoding.encode(partitionKey));
    }

    /** The hash of a partition key value already in its {@link KeyEncoding key encoding}. */
    public static long ofEncoded(byte[] encodedPartitionKey) {
        CRC32C crc = new CRC32C();
        crc.update(encodedPartitionKey);
        return crc.getValue();
    }

    /**
     * The first hash of slice {@code slice} when the hash space is cut into {@code slices} equal
     * slices; {@code sliceStart(slices, slices)} is {@link #SPACE}. Rounded up, so that a hash
     * is at or past the start of its slice exactly when {@link #sliceOf} says it is in it.
     */
    public static long sliceStart(int slice, int slices) {
        return (slice * SPACE + slices - 1) / slices;
    }

    /** The slice of {@code slices} equal slices that holds {@code hash}. */
    public static int sliceOf(long hash, int slices) {
        return (int) (hash * slices / SPACE);
    }
}
