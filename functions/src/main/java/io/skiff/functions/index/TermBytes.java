package io.skiff.functions.index;

/** How numbered terms are spelled: a table, band or block number, then bits, big-endian. */
final class TermBytes {

    private TermBytes() {
    }

    /**
     * One byte of {@code number} (below 256), then the low {@code length} bytes of {@code bits}
     * from the most significant: the number keeps terms of different tables apart.
     */
    static byte[] numbered(int number, long bits, int length) {
        byte[] term = new byte[1 + length];
        term[0] = (byte) number;
        for (int i = 0; i < length; i++) {
            term[1 + i] = (byte) (bits >>> (8 * (length - 1 - i)));
        }
        return term;
    }
}
