package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.key.ByteWriter;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.key.PartitionHashes;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where everything lives in the one RocksDB keyspace. The first byte says what a key holds:
 *
 * <pre>
 * 00 name                                   engine metadata (format version, next table id,
 *                                          applied log position)
 * 01 table-name                             catalog: the table's descriptor (JSON)
 * 02 table-id:8 hash:4 pk [sk]              items: the encoded item
 * 03 table-id:8 index-id:4 term item        index entries: an item filed under a term (empty
 *                                          value); {@code term} is escaped and terminated like a
 *                                          binary key value, {@code item} is the item key after
 *                                          its marker and table id
 * </pre>
 *
 * {@code hash} is the CRC32C of the encoded partition key: it spreads partitions evenly so that
 * scan segments are disjoint hash ranges, while one partition stays one contiguous range ordered
 * by sort key. Table ids are never reused, so a dropped table's range can never reappear.
 */
final class KeyLayout {

    static final byte META = 0x00;
    static final byte CATALOG = 0x01;
    static final byte DATA = 0x02;
    static final byte INDEX = 0x03;
    /** Bytes of an index entry key before its term: marker, table id, index id. */
    static final int TERM_OFFSET = 1 + 8 + 4;
    /** Bytes of an item key before its partition hash: marker, table id. */
    static final int ITEM_SUFFIX_OFFSET = 1 + 8;

    static final byte[] FORMAT_VERSION_KEY = meta("format-version");
    static final byte[] NEXT_TABLE_ID_KEY = meta("next-table-id");
    /** The {@link io.skiff.storage.api.LogPosition} of the last replicated log entry applied. */
    static final byte[] APPLIED_POSITION_KEY = meta("applied-position");

    /** Bytes before the encoded partition key: marker, table id, hash. */
    static final int PARTITION_OFFSET = 1 + 8 + 4;

    private KeyLayout() {
    }

    static byte[] catalogKey(String tableName) {
        byte[] name = tableName.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[name.length + 1];
        key[0] = CATALOG;
        System.arraycopy(name, 0, key, 1, name.length);
        return key;
    }

    static byte[] catalogStart() {
        return new byte[] {CATALOG};
    }

    static byte[] catalogEnd() {
        return new byte[] {CATALOG + 1};
    }

    /** The first key of a table's item range. */
    static byte[] tableStart(long tableId) {
        return new ByteWriter(9).write(DATA).writeLong(tableId).toByteArray();
    }

    /** The key just past a table's item range. */
    static byte[] tableEnd(long tableId) {
        return tableId == Long.MAX_VALUE ? new byte[] {DATA + 1} : tableStart(tableId + 1);
    }

    /** The first key of the items whose partition hash is at least {@code hash} (unsigned). */
    static byte[] hashStart(long tableId, long hash) {
        return new ByteWriter(13).write(DATA).writeLong(tableId).writeInt((int) hash).toByteArray();
    }

    /** The storage key of an item (or of a key), which must hold the table's key attributes. */
    static byte[] itemKey(long tableId, TableSchema schema, Item item) {
        ByteWriter out = partitionPrefixWriter(tableId, item.get(schema.partitionKey().name()));
        schema.sortKey().ifPresent(sort -> KeyEncoding.encode(item.get(sort.name()), out));
        return out.toByteArray();
    }

    /** The common prefix of every item key of one partition. */
    static ByteWriter partitionPrefixWriter(long tableId, AttributeValue partitionKey) {
        byte[] encoded = KeyEncoding.encode(partitionKey);
        ByteWriter out = new ByteWriter(PARTITION_OFFSET + encoded.length + 24);
        out.write(DATA).writeLong(tableId).writeInt(partitionHash(encoded)).write(encoded);
        return out;
    }

    static int partitionHash(byte[] encodedPartitionKey) {
        return (int) PartitionHashes.ofEncoded(encodedPartitionKey);
    }

    /** The smallest key greater than every key that starts with {@code prefix}. */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** The first key of a table's index entries, of every index. */
    static byte[] tableIndexesStart(long tableId) {
        return new ByteWriter(9).write(INDEX).writeLong(tableId).toByteArray();
    }

    /** The key just past a table's index entries. */
    static byte[] tableIndexesEnd(long tableId) {
        return tableId == Long.MAX_VALUE ? new byte[] {INDEX + 1} : tableIndexesStart(tableId + 1);
    }

    /** The first key of one index's entries. */
    static byte[] indexStart(long tableId, int indexId) {
        return new ByteWriter(TERM_OFFSET).write(INDEX).writeLong(tableId).writeInt(indexId).toByteArray();
    }

    /** The key just past one index's entries. */
    static byte[] indexEnd(long tableId, int indexId) {
        return prefixEnd(indexStart(tableId, indexId));
    }

    /** The key filing the item stored at {@code itemKey} under {@code term}. */
    static byte[] indexEntryKey(long tableId, int indexId, byte[] term, byte[] itemKey) {
        ByteWriter out = termWriter(tableId, indexId, term.length + itemKey.length);
        KeyEncoding.encode(new BinaryValue(Bytes.of(term)), out);
        return out.write(itemKey, ITEM_SUFFIX_OFFSET, itemKey.length - ITEM_SUFFIX_OFFSET).toByteArray();
    }

    /** The common prefix of every entry filed under exactly {@code term}. */
    static byte[] termPrefix(long tableId, int indexId, byte[] term) {
        ByteWriter out = termWriter(tableId, indexId, term.length);
        KeyEncoding.encode(new BinaryValue(Bytes.of(term)), out);
        return out.toByteArray();
    }

    /** The common prefix of every entry filed under a term that starts with {@code prefix}. */
    static byte[] termStartsWith(long tableId, int indexId, byte[] prefix) {
        ByteWriter out = termWriter(tableId, indexId, prefix.length);
        KeyEncoding.encodePrefix(new BinaryValue(Bytes.of(prefix)), out);
        return out.toByteArray();
    }

    private static ByteWriter termWriter(long tableId, int indexId, int length) {
        return new ByteWriter(TERM_OFFSET + length + 24).write(INDEX).writeLong(tableId).writeInt(indexId);
    }

    /**
     * Where the item's part of an index entry's key starts: after the escaped term's terminator
     * ({@code 00 01}; a zero byte of the term is {@code 00 FF}).
     */
    static int itemSuffixOffsetOfEntry(byte[] entryKey) {
        for (int i = TERM_OFFSET; i + 1 < entryKey.length; i++) {
            if (entryKey[i] == 0) {
                if (entryKey[i + 1] == 1) {
                    return i + 2;
                }
                i++; // an escaped zero
            }
        }
        throw new SkiffException(ErrorCode.STORAGE_ERROR, "Corrupt index entry: its term has no terminator");
    }

    /** The key of an item of table {@code tableId} from the end of one of its index entries' keys. */
    static byte[] itemKeyOfSuffix(long tableId, ByteBuffer suffix) {
        ByteWriter out = new ByteWriter(ITEM_SUFFIX_OFFSET + suffix.remaining()).write(DATA).writeLong(tableId);
        return out.write(suffix.array(), suffix.arrayOffset() + suffix.position(), suffix.remaining()).toByteArray();
    }

    /**
     * The smallest key greater than {@code key} among item keys: no item key extends another,
     * because key encodings are self-delimiting, so this is also the end of {@code key}'s prefix.
     */
    static byte[] after(byte[] key) {
        return prefixEnd(key);
    }

    private static byte[] meta(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[text.length + 1];
        key[0] = META;
        System.arraycopy(text, 0, key, 1, text.length);
        return key;
    }
}
