package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The text form of document paths: parsing and rendering, kept together so they agree. */
final class PathText {

    private final String text;
    private int pos;

    private PathText(String text) {
        this.text = text;
    }

    static List<PathElement> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw SkiffException.validation("Invalid document path '': a path may not be empty");
        }
        return new PathText(text).elements();
    }

    static String render(List<PathElement> elements) {
        StringBuilder out = new StringBuilder();
        for (PathElement element : elements) {
            if (element instanceof PathElement.Name && out.length() > 0) {
                out.append('.');
            }
            out.append(element);
        }
        return out.toString();
    }

    /** A name as path text: plain when the parser reads it back as plain, else quoted. */
    static String name(String name) {
        if (isPlain(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!isPlainNameChar(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    // Deliberately narrow: text like "a b" or "#x" is more likely a mistake (or an unresolved
    // placeholder) than an attribute name, and any name can still be written quoted.
    private static boolean isPlainNameChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || cp == '-';
    }

    private List<PathElement> elements() {
        List<PathElement> elements = new ArrayList<>();
        if (peek() == '[') {
            throw error("a path must start with an attribute name, not '['");
        }
        elements.add(name());
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                pos++;
                elements.add(name());
            } else if (c == '[') {
                pos++;
                elements.add(index());
            } else {
                throw error("expected '.' or '[' but found '" + c + "'");
            }
        }
        return elements;
    }

    private PathElement.Name name() {
        if (pos >= text.length()) {
            throw error("expected an attribute name but the path ends");
        }
        if (text.charAt(pos) == '"') {
            return quotedName();
        }
        int start = pos;
        while (pos < text.length() && isPlainNameChar(text.codePointAt(pos))) {
            pos += Character.charCount(text.codePointAt(pos));
        }
        if (pos == start) {
            throw error("expected an attribute name but found '" + text.charAt(pos)
                    + "' (write names with other characters in double quotes)");
        }
        return new PathElement.Name(text.substring(start, pos));
    }

    private PathElement.Name quotedName() {
        int open = pos++;
        StringBuilder name = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = open;
                throw error("the quoted name starting here is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                pos++;
            }
            name.append(c);
        }
        if (name.length() == 0) {
            pos = open;
            throw error("an attribute name may not be empty");
        }
        return new PathElement.Name(name.toString());
    }

    private PathElement.Index index() {
        int start = pos;
        long value = 0;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            value = value * 10 + (text.charAt(pos) - '0');
            if (value > Integer.MAX_VALUE) {
                pos = start;
                throw error("the list index is too large");
            }
            pos++;
        }
        if (pos == start) {
            throw pos < text.length()
                    ? error("expected a list index (digits) but found '" + text.charAt(pos) + "'")
                    : error("expected a list index but the path ends");
        }
        if (peek() != ']') {
            throw pos < text.length()
                    ? error("expected ']' but found '" + text.charAt(pos) + "'")
                    : error("expected ']' but the path ends");
        }
        pos++;
        return new PathElement.Index((int) value);
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private SkiffException error(String problem) {
        return SkiffException.validation("Invalid document path '" + text + "' at position "
                + (pos + 1) + ": " + problem);
    }
}
