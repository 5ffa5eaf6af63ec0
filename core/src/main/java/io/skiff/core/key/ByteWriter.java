package io.skiff.core.key;

import java.util.Arrays;

/** A growable byte buffer without the locking of {@code ByteArrayOutputStream}; not thread-safe. */
public final class ByteWriter {

    private byte[] buffer;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(8, initialCapacity)];
    }

    public ByteWriter write(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
        return this;
    }

    public ByteWriter write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    public ByteWriter write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Writes a big-endian 16-bit value. */
    public ByteWriter writeShort(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a big-endian 32-bit value. */
    public ByteWriter writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Writes a big-endian 64-bit value. */
    public ByteWriter writeLong(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** Writes an unsigned LEB128 variable-length integer. */
    public ByteWriter writeVarInt(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
        return this;
    }

    public int size() {
        return size;
    }

    /** Forgets the content but keeps the buffer, for reuse. */
    public void reset() {
        size = 0;
    }

    /** Drops everything written after the first {@code newSize} bytes. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IndexOutOfBoundsException(newSize);
        }
        size = newSize;
    }

    /** Inverts every byte written from {@code from} on; used for descending encodings. */
    void invertFrom(int from) {
        for (int i = from; i < size; i++) {
            buffer[i] = (byte) ~buffer[i];
        }
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
