package io.skiff.core.key;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Order-preserving, self-delimiting binary encoding of key values ({@code S}, {@code N},
 * {@code B}): for two values of one type, the unsigned byte order of their encodings equals the
 * order of the values, and no encoding is a prefix of another, so a partition key followed by a
 * sort key still sorts by (partition, sort) and a partition is one contiguous byte range.
 *
 * <ul>
 *   <li>{@code S}: the UTF-8 bytes (code point order), {@code B}: the bytes; in both, a zero byte
 *       is escaped as {@code 00 FF} and the value ends with {@code 00 01}.</li>
 *   <li>{@code N}: a sign byte ({@code 01} negative, {@code 02} zero, {@code 03} positive), then
 *       for non-zero values the decimal exponent of the first digit (two bytes, biased by
 *       {@code 0x8000}), the significant digits two per byte as {@code 1 + pair}, and a {@code 00}
 *       terminator; for negative numbers everything after the sign byte is inverted so that
 *       larger magnitudes sort first.</li>
 * </ul>
 */
public final class KeyEncoding {

    static final int ESCAPE = 0x00;
    static final int ESCAPED_ZERO = 0xFF;
    static final int TERMINATOR = 0x01;

    static final int NEGATIVE = 0x01;
    static final int ZERO = 0x02;
    static final int POSITIVE = 0x03;
    private static final int EXPONENT_BIAS = 0x8000;
    private static final int DIGITS_END = 0x00;

    private KeyEncoding() {
    }

    /** The encoding of one key value. */
    public static byte[] encode(AttributeValue value) {
        ByteWriter out = new ByteWriter(32);
        encode(value, out);
        return out.toByteArray();
    }

    /** Appends the encoding of one key value; rejects types that cannot be keys. */
    public static void encode(AttributeValue value, ByteWriter out) {
        if (value instanceof StringValue s) {
            encodeString(s.value(), out);
        } else if (value instanceof NumberValue n) {
            encodeNumber(n.value(), out);
        } else if (value instanceof BinaryValue b) {
            encodeBytes(b.value(), out);
        } else {
            throw SkiffException.validation("A key value must be of type S, N or B, not " + value.type());
        }
    }

    /**
     * Appends the encoding of an {@code S} or {@code B} value without its terminator: every key
     * value that begins with {@code prefix} has an encoding that begins with these bytes.
     */
    public static void encodePrefix(AttributeValue prefix, ByteWriter out) {
        if (prefix instanceof StringValue || prefix instanceof BinaryValue) {
            encode(prefix, out);
            out.truncate(out.size() - 2);
        } else {
            throw SkiffException.validation("begins_with needs an S or B value, not " + prefix.type());
        }
    }

    /** Reads back one value of the given type, advancing the reader past it. */
    public static AttributeValue decode(ByteReader in, AttributeType type) {
        switch (type) {
            case S:
                return new StringValue(new String(readEscaped(in), java.nio.charset.StandardCharsets.UTF_8));
            case B:
                return new BinaryValue(Bytes.of(readEscaped(in)));
            case N:
                return new NumberValue(decodeNumber(in));
            default:
                throw SkiffException.validation("A key value must be of type S, N or B, not " + type);
        }
    }

    /** Skips one encoded value of the given type. */
    public static void skip(ByteReader in, AttributeType type) {
        decode(in, type);
    }

    private static void encodeString(String text, ByteWriter out) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                out.write(ESCAPE).write(ESCAPED_ZERO);
            } else if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6)).write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= length
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw SkiffException.validation("A string key contains an unpaired surrogate at index " + i
                            + "; key strings must be valid Unicode");
                }
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out.write(0xF0 | (codePoint >> 18)).write(0x80 | ((codePoint >> 12) & 0x3F))
                        .write(0x80 | ((codePoint >> 6) & 0x3F)).write(0x80 | (codePoint & 0x3F));
            } else {
                out.write(0xE0 | (c >> 12)).write(0x80 | ((c >> 6) & 0x3F)).write(0x80 | (c & 0x3F));
            }
        }
        out.write(ESCAPE).write(TERMINATOR);
    }

    private static void encodeBytes(Bytes bytes, ByteWriter out) {
        for (int i = 0; i < bytes.length(); i++) {
            int b = bytes.byteAt(i) & 0xFF;
            if (b == 0) {
                out.write(ESCAPE).write(ESCAPED_ZERO);
            } else {
                out.write(b);
            }
        }
        out.write(ESCAPE).write(TERMINATOR);
    }

    private static byte[] readEscaped(ByteReader in) {
        ByteWriter out = new ByteWriter(32);
        while (true) {
            int b = in.readUnsignedByte();
            if (b != ESCAPE) {
                out.write(b);
                continue;
            }
            int next = in.readUnsignedByte();
            if (next == TERMINATOR) {
                return out.toByteArray();
            }
            if (next != ESCAPED_ZERO) {
                throw ByteReader.corrupt("bad escape in key");
            }
            out.write(0);
        }
    }

    private static void encodeNumber(BigDecimal value, ByteWriter out) {
        int sign = value.signum();
        if (sign == 0) {
            out.write(ZERO);
            return;
        }
        BigDecimal magnitude = value.abs().stripTrailingZeros();
        out.write(sign < 0 ? NEGATIVE : POSITIVE);
        int start = out.size();
        out.writeShort(NumberValue.exponentOf(magnitude) + EXPONENT_BIAS);
        String digits = magnitude.unscaledValue().toString();
        for (int i = 0; i < digits.length(); i += 2) {
            int high = digits.charAt(i) - '0';
            int low = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            out.write(1 + high * 10 + low);
        }
        out.write(DIGITS_END);
        if (sign < 0) {
            out.invertFrom(start);
        }
    }

    private static BigDecimal decodeNumber(ByteReader in) {
        int marker = in.readUnsignedByte();
        if (marker == ZERO) {
            return BigDecimal.ZERO;
        }
        if (marker != NEGATIVE && marker != POSITIVE) {
            throw ByteReader.corrupt("bad number sign in key");
        }
        int flip = marker == NEGATIVE ? 0xFF : 0x00;
        int exponent = ((in.readUnsignedByte() ^ flip) << 8 | (in.readUnsignedByte() ^ flip)) - EXPONENT_BIAS;
        StringBuilder digits = new StringBuilder(40);
        while (true) {
            int b = in.readUnsignedByte() ^ flip;
            if (b == DIGITS_END) {
                break;
            }
            if (b > 100) {
                throw ByteReader.corrupt("bad number digits in key");
            }
            int pair = b - 1;
            digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
        }
        if (digits.length() == 0) {
            throw ByteReader.corrupt("number without digits in key");
        }
        // value = 0.d1d2...dn * 10^(exponent + 1)
        BigDecimal magnitude = new BigDecimal(new BigInteger(digits.toString()), digits.length() - 1 - exponent);
        return marker == NEGATIVE ? magnitude.negate() : magnitude;
    }
}
