package io.skiff.functions.index;

import io.skiff.core.key.ByteWriter;
import io.skiff.core.key.KeyEncoding;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.NumberValue;
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
 * {@code roaring}: cohorts, the items that hold one value, kept by storage as compressed bitmaps of
 * item ordinals and combined with {@link Cohorts}. A string, number, binary or boolean is filed
 * under one term, its type tag and its bytes: {@code S} and its {@link ValueBytes#utf8 UTF-8},
 * {@code N} and its order-preserving {@link KeyEncoding key encoding} (so 1.5 and 1.50 are one
 * term), {@code B} and its bytes, {@code T} or {@code F}. Terms of one type sort as their values
 * do, so a range of values is a range of terms. {@code attr = value} is one term. No options;
 * exact.
 */
public final class Roaring implements IndexPlugin {

    private static final ValueTerms TERMS = new ValueTerms();

    @Override
    public String name() {
        return "roaring";
    }

    @Override
    public String description() {
        return "cohorts: attr = value for strings, numbers, binaries and booleans, as bitmaps (exact)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options.read(name(), options);
        return TERMS;
    }

    /** The term of a scalar value, or null for a value of another type. */
    static byte[] term(AttributeValue value) {
        ByteWriter out = new ByteWriter(16);
        if (value instanceof StringValue s) {
            out.write('S').write(ValueBytes.utf8(s.value()));
        } else if (value instanceof NumberValue n) {
            KeyEncoding.encode(n, out.write('N'));
        } else if (value instanceof BinaryValue b) {
            out.write('B').write(b.value().toByteArray());
        } else if (value instanceof BoolValue b) {
            out.write(b.value() ? 'T' : 'F');
        } else {
            return null;
        }
        return out.toByteArray();
    }

    /** The one roaring index: it has no options. */
    static final class ValueTerms extends ConfiguredIndex implements TermIndex {

        ValueTerms() {
            super(Map.of(), true);
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            byte[] term = term(value);
            return term == null ? List.of() : List.of(term);
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals(EQUALS);
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            if (predicate instanceof IndexPredicate.Equals equals) {
                byte[] term = term(equals.value());
                return term == null ? Optional.empty() : Optional.of(new Probe.Terms(List.of(term), 1));
            }
            return Optional.empty();
        }
    }
}
