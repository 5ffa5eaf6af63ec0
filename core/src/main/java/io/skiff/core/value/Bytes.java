package io.skiff.core.value;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** An immutable byte string with value equality, ordered as unsigned bytes (the order of B keys). */
public final class Bytes implements Comparable<Bytes> {

    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of the given bytes. */
    public static Bytes of(byte[] bytes) {
        return new Bytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** Wraps an array the caller promises never to change again. */
    static Bytes wrap(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** Decodes standard Base64; throws {@link IllegalArgumentException} for malformed text. */
    public static Bytes fromBase64(String text) {
        return new Bytes(Base64.getDecoder().decode(text));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether these bytes start with the given prefix. */
    public boolean startsWith(Bytes prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /** Whether the given bytes occur somewhere in these bytes. */
    public boolean contains(Bytes part) {
        outer:
        for (int start = 0; start + part.bytes.length <= bytes.length; start++) {
            for (int i = 0; i < part.bytes.length; i++) {
                if (bytes[start + i] != part.bytes[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
