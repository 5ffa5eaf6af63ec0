package io.skiff.core.json;

import com.fasterxml.jackson.core.JsonStreamContext;
import io.skiff.core.error.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the reader is inside a JSON document, rendered as a JSONPath such as
 * {@code $.address.M.tags.SS[1]} when an error needs it. Mutable and pushed and popped as the
 * reader descends, so the happy path builds no strings.
 */
final class JsonPath {

    // Names that read unambiguously after a dot; anything else is written in brackets.
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<Object> segments = new ArrayList<>();

    /**
     * The path of a parser's position. The parser reads one token ahead of what it hands out, so
     * for syntax errors its own context is more precise than the reader's path.
     */
    static JsonPath of(JsonStreamContext context) {
        JsonPath path = new JsonPath();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                path.pushIndex(level.getCurrentIndex());
            } else if (level.getCurrentName() != null) {
                path.pushName(level.getCurrentName());
            }
        }
        Collections.reverse(path.segments);
        return path;
    }

    void pushName(String name) {
        segments.add(name);
    }

    void pushIndex(int index) {
        segments.add(index);
    }

    void pop() {
        segments.remove(segments.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("$");
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                appendName(text, (String) segment);
            }
        }
        return text.toString();
    }

    private static void appendName(StringBuilder text, String name) {
        String shown = Messages.abbreviate(name);
        if (PLAIN_NAME.matcher(shown).matches()) {
            text.append('.').append(shown);
        } else {
            text.append("['").append(shown.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
    }
}
