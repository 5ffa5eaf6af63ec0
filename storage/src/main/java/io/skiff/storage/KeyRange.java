package io.skiff.storage;

import io.skiff.core.error.SkiffException;
import io.skiff.core.key.ByteWriter;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.key.PartitionHashes;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.SortKeyCondition;
import java.util.Arrays;

/**
 * A half-open range of storage keys, {@code [lower, upper)}: what a query's partition and
 * sort-key condition, or a scan's segment, cover. Since keys are encoded order-preserving, every
 * query and scan is one such range.
 */
record KeyRange(byte[] lower, byte[] upper) {

    boolean isEmpty() {
        return Arrays.compareUnsigned(lower, upper) >= 0;
    }

    boolean contains(byte[] key) {
        return Arrays.compareUnsigned(key, lower) >= 0 && Arrays.compareUnsigned(key, upper) < 0;
    }

    /** The range a query reads, before its exclusive start key is applied. */
    static KeyRange of(TableDescriptor table, Query query) {
        TableSchema schema = table.schema();
        checkType(schema, schema.partitionKey(), query.partitionKey(), "partition key");
        byte[] prefix = KeyLayout.partitionPrefixWriter(table.id(), query.partitionKey()).toByteArray();
        byte[] partitionEnd = KeyLayout.prefixEnd(prefix);
        if (query.sortKey().isEmpty()) {
            return new KeyRange(prefix, partitionEnd);
        }
        SortKeyCondition condition = query.sortKey().get();
        KeyAttribute sortKey = schema.sortKey().orElseThrow(() -> SkiffException.validation("Table '"
                + schema.name() + "' has no sort key, so a query cannot have a sort-key condition"));
        checkType(schema, sortKey, condition.value(), "sort key");
        condition.upper().ifPresent(upper -> checkType(schema, sortKey, upper, "sort key"));
        byte[] at = withSortKey(prefix, condition.value());
        switch (condition.operator()) {
            case EQ:
                return new KeyRange(at, KeyLayout.after(at));
            case LT:
                return new KeyRange(prefix, at);
            case LE:
                return new KeyRange(prefix, KeyLayout.after(at));
            case GT:
                return new KeyRange(KeyLayout.after(at), partitionEnd);
            case GE:
                return new KeyRange(at, partitionEnd);
            case BETWEEN:
                AttributeValue high = condition.upper().get();
                if (compare(condition.value(), high) > 0) {
                    throw SkiffException.validation("Invalid sort-key condition: the BETWEEN lower bound is "
                            + "greater than its upper bound");
                }
                return new KeyRange(at, KeyLayout.after(withSortKey(prefix, high)));
            case BEGINS_WITH:
                ByteWriter out = new ByteWriter(prefix.length + 32).write(prefix);
                KeyEncoding.encodePrefix(condition.value(), out);
                byte[] start = out.toByteArray();
                return new KeyRange(start, KeyLayout.prefixEnd(start));
            default:
                throw new IllegalStateException("unknown operator " + condition.operator());
        }
    }

    /** The range one scan segment reads: a slice of the partition-hash space. */
    static KeyRange of(TableDescriptor table, Scan scan) {
        long start = PartitionHashes.sliceStart(scan.segment(), scan.totalSegments());
        long end = PartitionHashes.sliceStart(scan.segment() + 1, scan.totalSegments());
        byte[] lower = KeyLayout.hashStart(table.id(), start);
        byte[] upper = end >= PartitionHashes.SPACE ? KeyLayout.tableEnd(table.id()) : KeyLayout.hashStart(table.id(), end);
        return new KeyRange(lower, upper);
    }

    /** This range resumed after {@code startKey}, reading forward or backward. */
    KeyRange resumeAfter(byte[] startKey, boolean forward) {
        if (!contains(startKey)) {
            throw SkiffException.validation("The exclusive start key is outside the range of this request");
        }
        return forward ? new KeyRange(max(lower, KeyLayout.after(startKey)), upper)
                : new KeyRange(lower, min(upper, startKey));
    }

    /** The storage key of an exclusive start key given by a caller. */
    static byte[] startKey(TableDescriptor table, Item key) {
        table.schema().checkKey(key);
        return KeyLayout.itemKey(table.id(), table.schema(), key);
    }

    private static byte[] withSortKey(byte[] prefix, AttributeValue sortValue) {
        ByteWriter out = new ByteWriter(prefix.length + 32).write(prefix);
        KeyEncoding.encode(sortValue, out);
        return out.toByteArray();
    }

    private static int compare(AttributeValue a, AttributeValue b) {
        return Arrays.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b));
    }

    private static void checkType(TableSchema schema, KeyAttribute key, AttributeValue value, String role) {
        if (value.type() != key.type()) {
            throw SkiffException.validation("Query condition on the " + role + " '" + key.name() + "' of table '"
                    + schema.name() + "' gives type " + value.type() + ", but the key has type " + key.type());
        }
    }

    private static byte[] max(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static byte[] min(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
