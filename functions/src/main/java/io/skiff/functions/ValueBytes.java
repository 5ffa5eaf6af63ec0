package io.skiff.functions;

import io.skiff.core.key.ByteWriter;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Values as bytes that plugins hash and file terms under. The encodings never change, because
 * index entries computed from them are stored.
 */
public final class ValueBytes {

    private ValueBytes() {
    }

    /**
     * The canonical bytes of a value: equal values as Skiff compares them (the numbers 1.5 and
     * 1.50, sets in any order, maps in any key order) give equal bytes, and different values
     * different bytes. A type tag comes first ({@code S:}, {@code N:}, {@code B:}, {@code BOOL:},
     * {@code NULL}, {@code SS:}, {@code NS:}, {@code BS:}, {@code L:}, {@code M:}); strings are
     * {@link #utf8}, numbers their plain digits, and the parts of a set, list or map are each
     * preceded by their length, with set elements and map entries sorted by their bytes.
     */
    public static byte[] canonical(AttributeValue value) {
        ByteWriter out = new ByteWriter(32);
        write(value, out);
        return out.toByteArray();
    }

    private static void write(AttributeValue value, ByteWriter out) {
        if (value instanceof StringValue s) {
            ascii("S:", out);
            utf8(s.value(), out);
        } else if (value instanceof NumberValue n) {
            // NumberValue strips trailing zeros, so equal numbers have one plain form.
            ascii("N:", out);
            ascii(n.value().toPlainString(), out);
        } else if (value instanceof BinaryValue b) {
            ascii("B:", out);
            out.write(b.value().toByteArray());
        } else if (value instanceof BoolValue b) {
            ascii(b.value() ? "BOOL:true" : "BOOL:false", out);
        } else if (value instanceof NullValue) {
            ascii("NULL", out);
        } else if (value instanceof StringSetValue ss) {
            ascii("SS:", out);
            sorted(ss.values().stream().map(e -> canonical(AttributeValue.s(e))).toList(), out);
        } else if (value instanceof NumberSetValue ns) {
            ascii("NS:", out);
            sorted(ns.values().stream().map(ValueBytes::canonical).toList(), out);
        } else if (value instanceof BinarySetValue bs) {
            ascii("BS:", out);
            sorted(bs.values().stream().map(e -> canonical(new BinaryValue(e))).toList(), out);
        } else if (value instanceof ListValue l) {
            ascii("L:", out);
            for (AttributeValue element : l.values()) {
                part(canonical(element), out);
            }
        } else if (value instanceof MapValue m) {
            ascii("M:", out);
            List<byte[]> entries = new ArrayList<>(m.values().size());
            for (Map.Entry<String, AttributeValue> entry : m.values().entrySet()) {
                ByteWriter pair = new ByteWriter(32);
                part(utf8(entry.getKey()), pair);
                part(canonical(entry.getValue()), pair);
                entries.add(pair.toByteArray());
            }
            // Each entry starts with its key's length and bytes, and keys are distinct, so sorting
            // the entries orders them by key alone.
            sorted(entries, out);
        } else {
            throw new IllegalArgumentException("No canonical form for " + value);
        }
    }

    private static void sorted(List<byte[]> parts, ByteWriter out) {
        byte[][] array = parts.toArray(new byte[0][]);
        Arrays.sort(array, Arrays::compareUnsigned);
        for (byte[] part : array) {
            part(part, out);
        }
    }

    private static void part(byte[] bytes, ByteWriter out) {
        out.writeVarInt(bytes.length).write(bytes);
    }

    private static void ascii(String text, ByteWriter out) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    /**
     * The UTF-8 bytes of a string's code points. A lone surrogate, which has no UTF-8 form, takes
     * the three bytes of its CESU-8 form instead of a replacement character, so different strings
     * never share bytes; and when {@code s.startsWith(p)} and {@code p} does not end in a high
     * surrogate, {@code utf8(s)} starts with {@code utf8(p)}.
     */
    public static byte[] utf8(String text) {
        ByteWriter out = new ByteWriter(text.length() + 8);
        utf8(text, out);
        return out.toByteArray();
    }

    private static void utf8(String text, ByteWriter out) {
        text.codePoints().forEach(c -> codePoint(c, out));
    }

    /** Appends the UTF-8 bytes of one code point (a lone surrogate as its three CESU-8 bytes). */
    public static void codePoint(int c, ByteWriter out) {
        if (c < 0x80) {
            out.write(c);
        } else if (c < 0x800) {
            out.write(0xC0 | (c >> 6)).write(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out.write(0xE0 | (c >> 12)).write(0x80 | ((c >> 6) & 0x3F)).write(0x80 | (c & 0x3F));
        } else {
            out.write(0xF0 | (c >> 18)).write(0x80 | ((c >> 12) & 0x3F)).write(0x80 | ((c >> 6) & 0x3F))
                    .write(0x80 | (c & 0x3F));
        }
    }
}
