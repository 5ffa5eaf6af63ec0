package io.skiff.core.error;

/**
 * Helpers for error messages that quote what the user sent. User input can be megabytes long, so
 * quoted text is cut short: one oversized name or value must not flood a log line or a response.
 */
public final class Messages {

    /** Most characters of user text an error message quotes before cutting it short. */
    public static final int MAX_QUOTED_CHARS = 60;

    private Messages() {
    }

    /** The text in single quotes, abbreviated with {@code ...} when it is long. */
    public static String quote(String text) {
        return "'" + abbreviate(text) + "'";
    }

    /**
     * The text itself when it has at most {@value #MAX_QUOTED_CHARS} characters, otherwise its
     * start followed by {@code ...}. Never splits a surrogate pair, so the result stays valid text.
     */
    public static String abbreviate(String text) {
        if (text.length() <= MAX_QUOTED_CHARS) {
            return text;
        }
        int end = MAX_QUOTED_CHARS - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
