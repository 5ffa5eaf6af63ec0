package io.skiff.core.value;

import java.util.Objects;

/** An {@code S} value: a string of Unicode text, ordered by its UTF-8 bytes when used as a key. */
public record StringValue(String value) implements AttributeValue {

    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
        return AttributeType.S;
    }

    /**
     * Compares by Unicode code point, the order of the strings' UTF-8 bytes and so of string keys.
     * {@link String#compareTo} compares UTF-16 units instead, which puts U+10000 and above before
     * U+E000..U+FFFF.
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
