package io.skiff.repl.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/** How a value reads in the formats for people (table and vertical): one line of text. */
final class CellText {

    /** SQL NULL. Styled faint on terminals that can, so that it differs from the text 'NULL'. */
    static final String NULL = "NULL";
    /** Marks where a cut value was cut. */
    static final String ELLIPSIS = "…";

    private CellText() {
    }

    /** The text of a value with its control characters escaped; {@code null} for SQL NULL. */
    static String of(Object value) {
        return value == null ? null : escapeControls(ValueText.of(value));
    }

    /** How SQL NULL is written on {@code display}. */
    static String nullText(Display display) {
        return display.ansi() ? new AttributedString(NULL, AttributedStyle.DEFAULT.faint()).toAnsi() : NULL;
    }

    /** Terminal columns the text takes: 2 for wide characters, 0 for combining marks. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }

    /** The longest start of {@code text} that fits {@code width} columns with an ellipsis after it. */
    static String cut(String text, int width) {
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int cpWidth = Math.max(0, WCWidth.wcwidth(cp));
            if (used + cpWidth > width - 1) {
                break;
            }
            kept.appendCodePoint(cp);
            used += cpWidth;
            i += Character.charCount(cp);
        }
        return kept.append(ELLIPSIS).toString();
    }

    /** Line breaks, tabs and other controls as escapes, so that a value stays on its line. */
    static String escapeControls(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
