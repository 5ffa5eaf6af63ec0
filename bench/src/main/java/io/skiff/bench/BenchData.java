package io.skiff.bench;

import io.skiff.core.key.ByteWriter;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ItemSize;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * The data both sides of every benchmark work on: the same logical items for Skiff, and for raw
 * RocksDB keys of the same shape (prefix + encoded key) with values of the same size.
 */
final class BenchData {

    static final int ITEMS = 100_000;
    static final int PARTITIONS = 1_000;
    static final int ITEMS_PER_PARTITION = 100;
    private static final byte[] TABLE_PREFIX = new byte[13];

    private BenchData() {
    }

    static String userKey(int i) {
        return "user#" + i;
    }

    static Item user(int i, int version) {
        return Item.builder().s("pk", userKey(i)).n("version", version).s("name", "name-" + i)
                .s("email", "user" + i + "@example.com").n("age", 18 + i % 60).s("city", "city-" + i % 500)
                .s("bio", "x".repeat(80)).build();
    }

    static Item event(int partition, int sort) {
        return Item.builder().s("pk", "device#" + partition).n("sk", sort).s("kind", "reading")
                .n("value", sort * 7 % 1000).s("note", "y".repeat(60)).build();
    }

    /** A raw key laid out like Skiff's: a 13-byte table/hash prefix and the encoded key values. */
    static byte[] rawKey(AttributeValue partition, AttributeValue sort) {
        byte[] pk = KeyEncoding.encode(partition);
        byte[] sk = sort == null ? new byte[0] : KeyEncoding.encode(sort);
        byte[] key = new byte[TABLE_PREFIX.length + pk.length + sk.length];
        System.arraycopy(pk, 0, key, TABLE_PREFIX.length, pk.length);
        System.arraycopy(sk, 0, key, TABLE_PREFIX.length + pk.length, sk.length);
        return key;
    }

    /**
     * The key Skiff itself stores for an item (see {@code KeyLayout} and
     * docs/decisions/001): marker, table id, the CRC32C of the encoded partition key, then the
     * encoded key values. The hash puts items in a different order from {@link #rawKey}'s, whose
     * prefix is constant: keys written in key order land side by side in one and scattered in
     * the other, which is what a write costs most for.
     */
    static byte[] layoutKey(long tableId, AttributeValue partition, AttributeValue sort) {
        ByteWriter out = new ByteWriter(48);
        byte[] pk = KeyEncoding.encode(partition);
        CRC32C hash = new CRC32C();
        hash.update(pk);
        out.write(2).writeLong(tableId).writeInt((int) hash.getValue()).write(pk);
        if (sort != null) {
            KeyEncoding.encode(sort, out);
        }
        return out.toByteArray();
    }

    static byte[] rawUserKey(int i) {
        return rawKey(AttributeValue.s(userKey(i)), null);
    }

    static byte[] rawEventKey(int partition, int sort) {
        return rawKey(AttributeValue.s("device#" + partition), AttributeValue.n(sort));
    }

    /** Random bytes as long as the item's stored size, so raw values weigh what Skiff's do. */
    static byte[] rawValue(Item item, Random random) {
        byte[] value = new byte[(int) ItemSize.of(item)];
        random.nextBytes(value);
        return value;
    }
}
