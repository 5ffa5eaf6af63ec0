package io.skiff.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rocksdb.Range;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;

/**
 * The items filed under at least m of a probe's n terms, found while reading as few index entries
 * as possible: a fuzzy-text probe asks for, say, 9 of 15 trigrams whose posting lists hold
 * hundreds of thousands of entries between them, for a few hundred candidates.
 *
 * <p>An item with m of the n terms lacks at most n − m of them, so it is filed under at least one
 * of any n − m + 1 lists: reading that many lists whole finds every candidate, whichever lists
 * they are. The shortest ones are read (by RocksDB's size estimate of each list's range). The
 * candidates found are then checked against the remaining lists, shortest first: an item that can
 * no longer reach m is dropped, one that has reached m needs no more checks, and a list is read
 * whole only when it is shorter than a few lookups per open candidate; otherwise each open
 * candidate's entry is looked up by key. The order only changes the cost, never the result.
 */
final class TermMatches {

    /** A point lookup costs about this many entries read in order (measured at a million items: 2.3 us against 0.3-0.4 us). */
    private static final int LOOKUP_COST_IN_ENTRIES = 8;
    /** Bytes an entry takes in an SST file, for the estimate of a list's length: keys share prefixes. */
    private static final int DISK_BYTES_PER_ENTRY = 12;
    private static final int LOOKUP_BATCH = 1_024;

    private final RocksDB db;
    private final ReadOptions readOptions;

    TermMatches(RocksDB db, ReadOptions readOptions) {
        this.db = db;
        this.readOptions = readOptions;
    }

    /**
     * The ends of the entry keys (the item key without its table prefix) of the items filed
     * under at least {@code minMatches} of the terms whose entries start with the given prefixes,
     * one prefix per distinct term.
     */
    List<ByteBuffer> find(List<byte[]> termPrefixes, int minMatches) throws RocksDBException {
        long[] lengths = estimatedEntries(termPrefixes);
        List<PostingList> lists = new ArrayList<>(termPrefixes.size());
        for (int i = 0; i < lengths.length; i++) {
            lists.add(new PostingList(termPrefixes.get(i), lengths[i]));
        }
        lists.sort(Comparator.comparingLong(PostingList::estimatedEntries));
        Map<ByteBuffer, int[]> counts = new HashMap<>();
        int readWhole = lists.size() - minMatches + 1;
        for (PostingList list : lists.subList(0, readWhole)) {
            PrefixKeys.forEach(db, list.prefix(), entry -> counts.computeIfAbsent(list.itemSuffix(entry), key -> new int[1])[0]++);
        }
        for (int next = readWhole; next < lists.size(); next++) {
            int listsLeft = lists.size() - next;
            List<ByteBuffer> open = dropHopelessAndListOpen(counts, minMatches, listsLeft);
            if (open.isEmpty()) {
                break;
            }
            PostingList list = lists.get(next);
            if ((long) open.size() * LOOKUP_COST_IN_ENTRIES < list.estimatedEntries()) {
                countByLookups(list, open, counts);
            } else {
                PrefixKeys.forEach(db, list.prefix(), entry -> {
                    int[] count = counts.get(list.itemSuffix(entry));
                    if (count != null) {
                        count[0]++;
                    }
                });
            }
        }
        List<ByteBuffer> matches = new ArrayList<>();
        counts.forEach((suffix, count) -> {
            if (count[0] >= minMatches) {
                matches.add(suffix);
            }
        });
        return matches;
    }

    /** Forgets the items that cannot reach {@code minMatches} any more; the ones still short of it. */
    private static List<ByteBuffer> dropHopelessAndListOpen(Map<ByteBuffer, int[]> counts, int minMatches, int listsLeft) {
        List<ByteBuffer> open = new ArrayList<>();
        for (Iterator<Map.Entry<ByteBuffer, int[]>> it = counts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ByteBuffer, int[]> entry = it.next();
            int count = entry.getValue()[0];
            if (count + listsLeft < minMatches) {
                it.remove();
            } else if (count < minMatches) {
                open.add(entry.getKey());
            }
        }
        return open;
    }

    private void countByLookups(PostingList list, List<ByteBuffer> open, Map<ByteBuffer, int[]> counts)
            throws RocksDBException {
        // In key order, so consecutive lookups fall in the same blocks.
        open.sort(TermMatches::compareUnsigned);
        for (int from = 0; from < open.size(); from += LOOKUP_BATCH) {
            List<ByteBuffer> batch = open.subList(from, Math.min(open.size(), from + LOOKUP_BATCH));
            List<byte[]> keys = new ArrayList<>(batch.size());
            for (ByteBuffer suffix : batch) {
                keys.add(list.entryKey(suffix));
            }
            List<byte[]> found = db.multiGetAsList(readOptions, keys);
            for (int i = 0; i < batch.size(); i++) {
                if (found.get(i) != null) {
                    counts.get(batch.get(i))[0]++;
                }
            }
        }
    }

    private static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
        return Arrays.compareUnsigned(a.array(), a.arrayOffset() + a.position(), a.arrayOffset() + a.limit(),
                b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
    }

    /**
     * About how many entries start with each prefix: RocksDB's counts of the memtables and one
     * size estimate of the files for all of them; no data block is read.
     */
    private long[] estimatedEntries(List<byte[]> prefixes) {
        List<Slice> bounds = new ArrayList<>(2 * prefixes.size());
        try {
            List<Range> ranges = new ArrayList<>(prefixes.size());
            for (byte[] prefix : prefixes) {
                Slice lower = new Slice(prefix);
                bounds.add(lower);
                Slice upper = new Slice(KeyLayout.prefixEnd(prefix));
                bounds.add(upper);
                ranges.add(new Range(lower, upper));
            }
            long[] onDisk = db.getApproximateSizes(ranges, SizeApproximationFlag.INCLUDE_FILES);
            long[] entries = new long[prefixes.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = db.getApproximateMemTableStats(ranges.get(i)).count + onDisk[i] / DISK_BYTES_PER_ENTRY;
            }
            return entries;
        } finally {
            bounds.forEach(Slice::close);
        }
    }

    /** One term's entries: their common key prefix and how many there are, roughly. */
    private record PostingList(byte[] prefix, long estimatedEntries) {

        /** The entry's item part, in place: a probe may read hundreds of thousands of entries. */
        ByteBuffer itemSuffix(byte[] entry) {
            return ByteBuffer.wrap(entry, prefix.length, entry.length - prefix.length).slice();
        }

        byte[] entryKey(ByteBuffer itemSuffix) {
            byte[] key = Arrays.copyOf(prefix, prefix.length + itemSuffix.remaining());
            itemSuffix.duplicate().get(key, prefix.length, itemSuffix.remaining());
            return key;
        }
    }
}
