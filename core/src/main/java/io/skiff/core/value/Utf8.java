package io.skiff.core.value;

/** UTF-8 lengths, counted without encoding: sizes and name limits are checked on every write. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The number of bytes the text takes in UTF-8. A lone surrogate, which has no UTF-8 form,
     * counts as the three bytes it would take in CESU-8, so the answer never depends on how an
     * encoder chooses to replace it.
     */
    static long length(String text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
