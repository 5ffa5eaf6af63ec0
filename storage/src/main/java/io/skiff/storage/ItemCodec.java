package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.key.ByteReader;
import io.skiff.core.key.ByteWriter;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary form of a stored item. Compact and fast to decode; every value carries its length
 * so that a projected read can skip the attributes it does not need without decoding them.
 *
 * <pre>
 * item   := version:1 count:varint (name value)*
 * name   := length:varint utf8
 * value  := type:1 length:varint payload
 * </pre>
 *
 * Public so that replication snapshots and benchmarks can use the exact stored form.
 *
 * <p>Payloads: S = UTF-8; N = canonical decimal text; B = bytes; BOOL = 0 or 1; NULL = empty;
 * SS/NS/BS = count then (length element)*; L = count then value*; M = count then (name value)*.
 */
public final class ItemCodec {

    private static final int VERSION = 1;
    /**
     * The on-disk tag of each value type, by position: fixed here, not taken from the enum's
     * declaration order, so that reordering {@link AttributeType} can never change stored data.
     */
    private static final AttributeType[] TYPES = {
        AttributeType.S, AttributeType.N, AttributeType.B, AttributeType.BOOL, AttributeType.NULL,
        AttributeType.SS, AttributeType.NS, AttributeType.BS, AttributeType.L, AttributeType.M,
    };
    private static final int[] TAGS = tagsOf(TYPES);

    private ItemCodec() {
    }

    /** The stored form of an item. */
    private static int[] tagsOf(AttributeType[] types) {
        int[] tags = new int[AttributeType.values().length];
        java.util.Arrays.fill(tags, -1);
        for (int tag = 0; tag < types.length; tag++) {
            tags[types[tag].ordinal()] = tag;
        }
        return tags;
    }

    public static byte[] encode(Item item) {
        ByteWriter out = new ByteWriter(128);
        out.write(VERSION);
        out.writeVarInt(item.size());
        for (Map.Entry<String, AttributeValue> attribute : item.attributes().entrySet()) {
            writeString(attribute.getKey(), out);
            writeValue(attribute.getValue(), out);
        }
        return out.toByteArray();
    }

    /** The item a stored form holds; corrupt bytes give {@code STORAGE_ERROR}. */
    public static Item decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /** Decodes only the named top-level attributes ({@code null} for all of them). */
    static Item decode(byte[] bytes, Set<String> wanted) {
        ByteReader in = new ByteReader(bytes);
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw corrupt("unknown item format version " + version);
        }
        int count = in.readVarInt();
        Item.Builder attributes = Item.builder();
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            if (wanted == null || wanted.contains(name)) {
                attributes.put(name, readValue(in));
            } else {
                skipValue(in);
            }
        }
        return attributes.build();
    }

    private static void writeValue(AttributeValue value, ByteWriter out) {
        out.write(TAGS[value.type().ordinal()]);
        if (value instanceof StringValue s) {
            writeString(s.value(), out);
        } else if (value instanceof NumberValue n) {
            writeString(n.value().toString(), out);
        } else if (value instanceof BinaryValue b) {
            writeBytes(b.value(), out);
        } else if (value instanceof BoolValue b) {
            out.writeVarInt(1).write(b.value() ? 1 : 0);
        } else if (value instanceof NullValue) {
            out.writeVarInt(0);
        } else {
            ByteWriter nested = new ByteWriter(64);
            writeContainer(value, nested);
            out.writeVarInt(nested.size()).write(nested.toByteArray());
        }
    }

    private static void writeContainer(AttributeValue value, ByteWriter out) {
        if (value instanceof StringSetValue ss) {
            out.writeVarInt(ss.values().size());
            ss.values().forEach(s -> writeString(s, out));
        } else if (value instanceof NumberSetValue ns) {
            out.writeVarInt(ns.values().size());
            ns.values().forEach(n -> writeString(n.value().toString(), out));
        } else if (value instanceof BinarySetValue bs) {
            out.writeVarInt(bs.values().size());
            bs.values().forEach(b -> writeBytes(b, out));
        } else if (value instanceof ListValue l) {
            out.writeVarInt(l.values().size());
            l.values().forEach(v -> writeValue(v, out));
        } else if (value instanceof MapValue m) {
            out.writeVarInt(m.values().size());
            m.values().forEach((name, v) -> {
                writeString(name, out);
                writeValue(v, out);
            });
        } else {
            throw new SkiffException(ErrorCode.INTERNAL_ERROR, "No encoding for " + value.type());
        }
    }

    private static AttributeValue readValue(ByteReader in) {
        int tag = in.readUnsignedByte();
        if (tag >= TYPES.length) {
            throw corrupt("unknown value type " + tag);
        }
        int length = in.readVarInt();
        int end = in.position() + length;
        AttributeValue value = switch (TYPES[tag]) {
            case S -> new StringValue(in.readUtf8(length));
            case N -> new NumberValue(new BigDecimal(in.readUtf8(length)));
            case B -> new BinaryValue(Bytes.of(in.readBytes(length)));
            case BOOL -> BoolValue.of(in.readUnsignedByte() != 0);
            case NULL -> NullValue.INSTANCE;
            case SS -> readStringSet(in);
            case NS -> readNumberSet(in);
            case BS -> readBinarySet(in);
            case L -> readList(in);
            case M -> readMap(in);
        };
        if (in.position() != end) {
            throw corrupt("value length mismatch");
        }
        return value;
    }

    private static StringSetValue readStringSet(ByteReader in) {
        int count = in.readVarInt();
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return new StringSetValue(values);
    }

    private static NumberSetValue readNumberSet(ByteReader in) {
        int count = in.readVarInt();
        Set<NumberValue> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            values.add(new NumberValue(new BigDecimal(readString(in))));
        }
        return new NumberSetValue(values);
    }

    private static BinarySetValue readBinarySet(ByteReader in) {
        int count = in.readVarInt();
        Set<Bytes> values = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            values.add(Bytes.of(in.readBytes(in.readVarInt())));
        }
        return new BinarySetValue(values);
    }

    private static ListValue readList(ByteReader in) {
        int count = in.readVarInt();
        List<AttributeValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readValue(in));
        }
        return new ListValue(values);
    }

    private static MapValue readMap(ByteReader in) {
        int count = in.readVarInt();
        LinkedHashMap<String, AttributeValue> values = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String name = readString(in);
            values.put(name, readValue(in));
        }
        return new MapValue(values);
    }

    private static void skipValue(ByteReader in) {
        in.readUnsignedByte();
        in.skip(in.readVarInt());
    }

    private static void writeString(String text, ByteWriter out) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeVarInt(utf8.length).write(utf8);
    }

    private static void writeBytes(Bytes bytes, ByteWriter out) {
        byte[] raw = bytes.toByteArray();
        out.writeVarInt(raw.length).write(raw);
    }

    private static String readString(ByteReader in) {
        return in.readUtf8(in.readVarInt());
    }

    private static SkiffException corrupt(String what) {
        return new SkiffException(ErrorCode.STORAGE_ERROR, "Corrupt stored item: " + what);
    }
}
