package io.skiff.core.value;

import java.util.Map;

/**
 * The size of an item in bytes, computed the way the reference system estimates it, so limits
 * and capacity figures match what users expect. The size depends only on names and values, never
 * on how Skiff stores them, so every replica computes the same number.
 *
 * <ul>
 *   <li>An item: the sum over its attributes of the UTF-8 length of the name plus the value size.
 *   <li>{@code S}: UTF-8 length. {@code B}: byte length. {@code BOOL}, {@code NULL}: 1.
 *   <li>{@code N}: {@code (d + 1) / 2 + 1} in integer arithmetic, where {@code d} is the number of
 *       significant digits with leading and trailing zeros removed (zero has one digit). That is
 *       one byte per two digits plus one byte, so {@code 7} and {@code 12} take 2 bytes and
 *       {@code 123}, {@code 1.23} and {@code -12300} take 3. The sign and exponent are free.
 *   <li>{@code SS}, {@code NS}, {@code BS}: the sum of the element sizes.
 *   <li>{@code L}: 3 bytes + the sum of the element sizes + 1 byte per element.
 *   <li>{@code M}: 3 bytes + for each entry, the UTF-8 length of its name + its value size + 1.
 * </ul>
 */
public final class ItemSize {

    /** Bytes every list or map takes, even when empty. */
    public static final int CONTAINER_OVERHEAD = 3;
    /** Bytes every element of a list or entry of a map takes on top of its own size. */
    public static final int ELEMENT_OVERHEAD = 1;

    private ItemSize() {
    }

    /** The size of an item in bytes. */
    public static long of(Item item) {
        return sizeOfEntries(item.attributes());
    }

    /** The size of one value in bytes, without the name of the attribute holding it. */
    public static long of(AttributeValue value) {
        switch (value.type()) {
            case S:
                return Utf8.length(((StringValue) value).value());
            case N:
                return of((NumberValue) value);
            case B:
                return ((BinaryValue) value).value().length();
            case BOOL:
            case NULL:
                return 1;
            case SS:
                return ((StringSetValue) value).values().stream().mapToLong(Utf8::length).sum();
            case NS:
                return ((NumberSetValue) value).values().stream().mapToLong(ItemSize::of).sum();
            case BS:
                return ((BinarySetValue) value).values().stream().mapToLong(Bytes::length).sum();
            case L:
                long size = CONTAINER_OVERHEAD;
                for (AttributeValue element : ((ListValue) value).values()) {
                    size += of(element) + ELEMENT_OVERHEAD;
                }
                return size;
            case M:
                Map<String, AttributeValue> entries = ((MapValue) value).values();
                return CONTAINER_OVERHEAD + sizeOfEntries(entries) + (long) entries.size() * ELEMENT_OVERHEAD;
            default:
                throw new AssertionError("unknown attribute type " + value.type());
        }
    }

    /** The size of one number in bytes: one byte per two significant digits, plus one. */
    public static long of(NumberValue number) {
        // NumberValue keeps its value stripped, so precision counts significant digits only.
        int digits = number.value().precision();
        return (digits + 1) / 2 + 1;
    }

    private static long sizeOfEntries(Map<String, AttributeValue> entries) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
            size += Utf8.length(entry.getKey()) + of(entry.getValue());
        }
        return size;
    }
}
