package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.ValueBytes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code radix}: string prefixes. A string is filed under one term, its {@link ValueBytes#utf8
 * UTF-8 bytes}; storage orders terms by their bytes, so the strings that start with a prefix are
 * one range scan ({@code begins_with(attr, p)}), and {@code attr = s} is one term. It takes no
 * options and is exact.
 */
public final class Radix implements IndexPlugin {

    private static final Utf8Terms TERMS = new Utf8Terms();

    @Override
    public String name() {
        return "radix";
    }

    @Override
    public String description() {
        return "string prefixes and equality, by the string's UTF-8 bytes in order (exact)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options.read(name(), options);
        return TERMS;
    }

    /**
     * The prefix whose UTF-8 every string starting with {@code prefix} starts with: all of it, but
     * a final high surrogate, which the string may complete into a pair, whose bytes differ.
     */
    static String safePrefix(String prefix) {
        return !prefix.isEmpty() && Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))
                ? prefix.substring(0, prefix.length() - 1)
                : prefix;
    }

    /** The one radix index: it has no options. */
    static final class Utf8Terms extends ConfiguredIndex implements TermIndex {

        Utf8Terms() {
            super(Map.of(), true);
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            return value instanceof StringValue s ? List.of(ValueBytes.utf8(s.value())) : List.of();
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals(EQUALS) || kind.equals(PREFIX);
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            if (predicate instanceof IndexPredicate.Prefix prefix) {
                return Optional.of(new Probe.Prefixes(List.of(ValueBytes.utf8(safePrefix(prefix.prefix())))));
            }
            if (predicate instanceof IndexPredicate.Equals equals && equals.value() instanceof StringValue s) {
                return Optional.of(new Probe.Terms(List.of(ValueBytes.utf8(s.value())), 1));
            }
            return Optional.empty();
        }
    }
}
