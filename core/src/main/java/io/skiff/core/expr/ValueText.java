package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.Collection;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * Short, readable renderings of values for expression text and error messages (PartiQL-like:
 * {@code 'text'}, {@code 42}, {@code <<'a', 'b'>>}). Not a serialization format.
 */
final class ValueText {

    private static final int MAX_LENGTH = 80;

    private ValueText() {
    }

    static String render(AttributeValue value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static void append(StringBuilder out, AttributeValue value) {
        // Stop early on huge values: the result is cut to MAX_LENGTH anyway.
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value instanceof StringValue s) {
            out.append(quote(s.value()));
        } else if (value instanceof NumberValue n) {
            out.append(n.toText());
        } else if (value instanceof BinaryValue b) {
            out.append(binary(b.value()));
        } else if (value instanceof BoolValue b) {
            out.append(b.value());
        } else if (value instanceof StringSetValue ss) {
            appendAll(out, "<<", ss.values(), (o, e) -> o.append(quote(e)), ">>");
        } else if (value instanceof NumberSetValue ns) {
            appendAll(out, "<<", ns.values(), (o, e) -> o.append(e.toText()), ">>");
        } else if (value instanceof BinarySetValue bs) {
            appendAll(out, "<<", bs.values(), (o, e) -> o.append(binary(e)), ">>");
        } else if (value instanceof ListValue l) {
            appendAll(out, "[", l.values(), ValueText::append, "]");
        } else if (value instanceof MapValue m) {
            appendAll(out, "{", m.values().entrySet(), (o, e) -> {
                o.append(quote(e.getKey())).append(": ");
                append(o, e.getValue());
            }, "}");
        } else {
            out.append("null");
        }
    }

    private static <T> void appendAll(StringBuilder out, String open, Collection<T> elements,
                                      BiConsumer<StringBuilder, T> appendElement, String close) {
        out.append(open);
        for (Iterator<T> it = elements.iterator(); it.hasNext() && out.length() <= MAX_LENGTH; ) {
            appendElement.accept(out, it.next());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append(close);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String binary(Bytes bytes) {
        return "b64'" + bytes.toBase64() + "'";
    }
}
