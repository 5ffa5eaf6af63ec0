package io.skiff.repl;

import java.util.List;
import org.jline.utils.WCWidth;

/**
 * Points at a position in a statement: the statement's line that holds it, and a caret under
 * the faulty character.
 *
 * <pre>
 *   SELECT * FORM users
 *            ^
 * </pre>
 *
 * <p>Only the one line is shown, so a long statement does not flood the screen; a very long
 * line is cut around the position. Tabs and other control characters become one space each
 * and wide characters count two columns, so the caret lands under the right character.
 */
final class Caret {

    /** The indent of both lines, setting them apart from the error line above. */
    static final String INDENT = "  ";
    /** How many terminal columns of the line are shown on each side of the position at most. */
    static final int CONTEXT = 60;
    private static final String ELLIPSIS = "…";

    private Caret() {
    }

    /**
     * The two lines that show where {@code line}:{@code column} (both 1-based, as statement
     * errors count them) is in {@code statement}; empty when the position is not in it.
     */
    static List<String> at(String statement, int line, int column) {
        String[] lines = statement.split("\n", -1);
        if (line < 1 || line > lines.length || column < 1) {
            return List.of();
        }
        String text = lines[line - 1];
        // A position just past the end (an unexpected end of input) gets a caret after the text.
        int index = Math.min(column - 1, text.length());
        int from = Math.max(0, startOfContext(text, index));
        int to = endOfContext(text, index);
        String before = visible(text.substring(from, index));
        String shown = (from > 0 ? ELLIPSIS : "") + visible(text.substring(from, to)) + (to < text.length() ? ELLIPSIS : "");
        int caretColumn = (from > 0 ? 1 : 0) + width(before);
        return List.of(INDENT + shown.stripTrailing(), INDENT + " ".repeat(caretColumn) + "^");
    }

    private static int startOfContext(String text, int index) {
        int from = index;
        int columns = 0;
        while (from > 0 && columns < CONTEXT) {
            from = text.offsetByCodePoints(from, -1);
            columns += Math.max(1, WCWidth.wcwidth(text.codePointAt(from)));
        }
        return from;
    }

    private static int endOfContext(String text, int index) {
        int to = index;
        int columns = 0;
        while (to < text.length() && columns < CONTEXT) {
            columns += Math.max(1, WCWidth.wcwidth(text.codePointAt(to)));
            to = text.offsetByCodePoints(to, 1);
        }
        return to;
    }

    private static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                shown.append(' ');
            } else {
                shown.appendCodePoint(cp);
            }
        });
        return shown.toString();
    }

    private static int width(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
