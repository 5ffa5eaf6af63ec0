package io.skiff.repl.render;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/** How a single non-null value reads as text in the table and CSV formats. */
public final class ValueText {

    private ValueText() {
    }

    /**
     * The text of a non-null value: strings as they are, decimals in plain notation (never
     * {@code 1E+3}), binary as base64, maps and lists as compact JSON, anything else by its
     * {@code toString()}.
     */
    public static String of(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return base64(bytes);
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return JsonText.of(value);
        }
        return value.toString();
    }

    /** Binary values the same way everywhere: standard base64 with padding, as DynamoDB JSON has them. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
