package io.skiff.storage.api;

import java.nio.ByteBuffer;

/**
 * The place of a write in a replicated log: the leader's term and the entry's index. A store
 * that applies log entries records the position of the last one in the same atomic batch as
 * the data it wrote, so after a restart it knows exactly which entries it already holds.
 *
 * @param term the term of the entry
 * @param index the index of the entry; {@link #NONE} has index -1
 */
public record LogPosition(long term, long index) implements Comparable<LogPosition> {

    /** No position: writes that do not come from a log, or a store that applied nothing yet. */
    public static final LogPosition NONE = new LogPosition(0, -1);

    /** Whether this is a real position rather than {@link #NONE}. */
    public boolean isPresent() {
        return index >= 0;
    }

    @Override
    public int compareTo(LogPosition other) {
        return Long.compare(index, other.index);
    }

    /** Sixteen bytes: term then index, big-endian. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(16).putLong(term).putLong(index).array();
    }

    /** Reads what {@link #toBytes} wrote; {@code null} reads as {@link #NONE}. */
    public static LogPosition fromBytes(byte[] bytes) {
        if (bytes == null) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new LogPosition(buffer.getLong(), buffer.getLong());
    }
}
