package io.skiff.core.key;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;

/** Reads a byte array front to back; running off the end is reported as corrupt data. */
public final class ByteReader {

    private final byte[] bytes;
    private final int end;
    private int position;

    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public ByteReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    public int position() {
        return position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    public int remaining() {
        return end - position;
    }

    public int readUnsignedByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    public int peekUnsignedByte() {
        require(1);
        return bytes[position] & 0xFF;
    }

    public int readUnsignedShort() {
        require(2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    public int readInt() {
        require(4);
        int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    public long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
    }

    public int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw corrupt("negative length");
                }
                return value;
            }
        }
        throw corrupt("variable-length integer too long");
    }

    public byte[] readBytes(int length) {
        require(length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    /** Decodes UTF-8 text of the given byte length. */
    public String readUtf8(int length) {
        require(length);
        String text = new String(bytes, position, length, java.nio.charset.StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    public void skip(int length) {
        require(length);
        position += length;
    }

    private void require(int length) {
        if (length < 0 || end - position < length) {
            throw corrupt("unexpected end of data");
        }
    }

    static SkiffException corrupt(String what) {
        return new SkiffException(ErrorCode.STORAGE_ERROR, "Corrupt stored data: " + what);
    }
}
