package io.skiff.core.value;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Map;

/**
 * The limits every stored item must respect: a maximum size in bytes (as {@link ItemSize}
 * computes it) and a maximum nesting depth of lists and maps.
 *
 * @param maxItemBytes the largest item size allowed, in bytes; positive
 */
public record ItemLimits(long maxItemBytes) {

    /** The reference system's item size limit: 400 KiB. */
    public static final long DEFAULT_MAX_ITEM_BYTES = 400 * 1024;

    /**
     * How many lists and maps may be nested inside each other (the reference system's limit). A
     * top-level {@code M} or {@code L} attribute is at depth 1, a map inside it at depth 2.
     */
    public static final int MAX_NESTING_DEPTH = 32;

    /** What the one-walk check of {@link #checkStored} answers for an item that breaks a rule. */
    private static final long INVALID = -1;

    /** The limits with the default item size. */
    public static final ItemLimits DEFAULT = new ItemLimits(DEFAULT_MAX_ITEM_BYTES);

    public ItemLimits {
        if (maxItemBytes <= 0) {
            throw new IllegalArgumentException("maxItemBytes must be positive, was " + maxItemBytes);
        }
    }

    /**
     * Checks an item against these limits.
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} when lists and maps are nested
     *     deeper than {@value #MAX_NESTING_DEPTH} levels; {@link ErrorCode#ITEM_TOO_LARGE} when the
     *     item is larger than {@link #maxItemBytes()}
     */
    public void check(Item item) {
        checkDepth(item.attributes(), DocumentPath.ROOT, 1);
        requireSize(ItemSize.of(item));
    }

    /**
     * Checks everything an item to be stored must satisfy whatever its table: attribute names
     * (the rules of {@link AttributeNames#validateItem}), nesting depth and size. One walk over
     * the item does all three; it fails exactly as those checks run one after the other would.
     *
     * @throws SkiffException {@link ErrorCode#VALIDATION_ERROR} for a bad name or too deep
     *     nesting; {@link ErrorCode#ITEM_TOO_LARGE} when the item is larger than {@link #maxItemBytes()}
     */
    public void checkStored(Item item) {
        long size = validSize(item.attributes(), 1);
        if (size == INVALID) {
            // Something is wrong: the checks that track paths find it again and say where.
            AttributeNames.validateItem(item);
            checkDepth(item.attributes(), DocumentPath.ROOT, 1);
            throw new IllegalStateException("The item check found a fault the detailed checks did not");
        }
        requireSize(size);
    }

    /** The size of the entries of a map at {@code depth}, or {@link #INVALID} for a bad name or nesting. */
    private static long validSize(Map<String, AttributeValue> entries, int depth) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
            String name = entry.getKey();
            long nameBytes = name == null || name.isEmpty() ? INVALID : Utf8.length(name);
            long valueSize = validSize(entry.getValue(), depth);
            if (nameBytes == INVALID || nameBytes > AttributeNames.MAX_NAME_BYTES || valueSize == INVALID) {
                return INVALID;
            }
            size += nameBytes + valueSize;
        }
        return size;
    }

    /** What {@link ItemSize#of(AttributeValue)} says, or {@link #INVALID} for a bad name or nesting. */
    private static long validSize(AttributeValue value, int depth) {
        if (value instanceof MapValue map) {
            long entries = depth > MAX_NESTING_DEPTH ? INVALID : validSize(map.values(), depth + 1);
            return entries == INVALID ? INVALID
                    : ItemSize.CONTAINER_OVERHEAD + entries + (long) map.values().size() * ItemSize.ELEMENT_OVERHEAD;
        }
        if (value instanceof ListValue list) {
            if (depth > MAX_NESTING_DEPTH) {
                return INVALID;
            }
            long size = ItemSize.CONTAINER_OVERHEAD;
            for (AttributeValue element : list.values()) {
                long elementSize = validSize(element, depth + 1);
                if (elementSize == INVALID) {
                    return INVALID;
                }
                size += elementSize + ItemSize.ELEMENT_OVERHEAD;
            }
            return size;
        }
        return ItemSize.of(value);
    }

    private void requireSize(long size) {
        if (size > maxItemBytes) {
            throw new SkiffException(ErrorCode.ITEM_TOO_LARGE, "Item size " + size
                    + " bytes exceeds the limit of " + maxItemBytes + " bytes");
        }
    }

    // The walk stops at the first container past the limit, so a hostile item a thousand levels
    // deep costs no more than one 33 levels deep.
    private static void checkDepth(Map<String, AttributeValue> entries, DocumentPath path, int depth) {
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
            checkDepth(entry.getValue(), path.name(entry.getKey()), depth);
        }
    }

    private static void checkDepth(AttributeValue value, DocumentPath path, int depth) {
        if (value instanceof MapValue map) {
            requireDepth(path, depth);
            checkDepth(map.values(), path, depth + 1);
        } else if (value instanceof ListValue list) {
            requireDepth(path, depth);
            for (int i = 0; i < list.values().size(); i++) {
                checkDepth(list.values().get(i), path.index(i), depth + 1);
            }
        }
    }

    private static void requireDepth(DocumentPath path, int depth) {
        if (depth > MAX_NESTING_DEPTH) {
            throw SkiffException.validation("Nesting of lists and maps at " + path + " is " + depth
                    + " levels deep; at most " + MAX_NESTING_DEPTH + " levels are supported");
        }
    }
}
