package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.ValueHash;
import io.skiff.functions.distance.Jaccard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code minhash}: similar sets, by locality-sensitive hashing of MinHash signatures (Broder 1997;
 * banding as in Leskovec, Rajaraman and Ullman, <i>Mining of Massive Datasets</i>, ch. 3). A set or
 * list (as {@code jaccard} reads it) gets {@code bands × rows} min-hashes: for each, the least of
 * its elements' {@link ValueHash value hashes} mixed with a salt derived from {@code seed}. Two
 * sets agree on one min-hash with probability equal to their Jaccard similarity s. Each band of
 * {@code rows} min-hashes becomes one term (the band number and a hash of its rows), so two sets
 * share a term, and are candidates for each other, with probability
 *
 * <pre>  P(candidate) = 1 - (1 - s^rows)^bands</pre>
 *
 * an S-curve: with the defaults (16 bands of 4 rows) 0.9998 at s = 0.8, 0.64 at s = 0.5, 0.12 at
 * s = 0.3 and 0.025 at s = 0.2. More rows make the curve steeper and move it right, more bands
 * move it left. The probe for {@code jaccard(attr, set) <= d} (similarity at least 1 - d) and for
 * the sets nearest by {@code jaccard} is "any band term in common": approximate.
 *
 * <p>Options: {@code bands} (1 to 128, default 16), {@code rows} (1 to 32, default 4), {@code seed}
 * (any whole number, default 0). Empty sets share one term of their own, the only sets within a
 * distance below 1 of an empty set.
 */
public final class MinHash implements IndexPlugin {

    /** The term of the empty set: a band number no band has, with no hash. */
    private static final byte[] EMPTY = {(byte) 0xFF};

    @Override
    public String name() {
        return "minhash";
    }

    @Override
    public String description() {
        return "similar sets: jaccard(attr, set) <= d and nearest by jaccard, by banded MinHash (approximate)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options read = Options.read(name(), options, "bands", "rows", "seed");
        int bands = read.integer("bands", 16, 1, 128);
        int rows = read.integer("rows", 4, 1, 32);
        long seed = read.seed("seed", 0);
        return new Bands(bands, rows, seed, read.resolved());
    }

    /** A MinHash index with its salts drawn from the seed. */
    static final class Bands extends ConfiguredIndex implements TermIndex {

        private final int bands;
        private final int rows;
        private final long[] salts;

        Bands(int bands, int rows, long seed, Map<String, String> options) {
            super(options, false);
            this.bands = bands;
            this.rows = rows;
            // SplitMix64's sequence, spelled out so the salts never depend on a JDK class.
            this.salts = new long[bands * rows];
            for (int i = 0; i < salts.length; i++) {
                salts[i] = ValueHash.mix(seed + (i + 1) * 0x9E3779B97F4A7C15L);
            }
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            return Jaccard.elements(value).map(this::bandTerms).orElse(List.of());
        }

        private List<byte[]> bandTerms(Set<AttributeValue> elements) {
            if (elements.isEmpty()) {
                return List.of(EMPTY.clone());
            }
            long[] hashes = elements.stream().mapToLong(ValueHash::of).toArray();
            List<byte[]> terms = new ArrayList<>(bands);
            for (int band = 0; band < bands; band++) {
                long bandHash = band;
                for (int row = 0; row < rows; row++) {
                    long salt = salts[band * rows + row];
                    long least = Long.MAX_VALUE;
                    for (long hash : hashes) {
                        least = Math.min(least, ValueHash.mix(hash ^ salt));
                    }
                    bandHash = ValueHash.mix(bandHash * 0x9E3779B97F4A7C15L ^ least);
                }
                terms.add(TermBytes.numbered(band, bandHash, Long.BYTES));
            }
            return terms;
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals("jaccard");
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            AttributeValue argument;
            if (predicate instanceof IndexPredicate.WithinDistance within && within.operator().equals("jaccard")) {
                if (within.bound() < 0) {
                    return Jaccard.elements(within.argument()).isPresent() ? Optional.of(new Probe.None()) : Optional.empty();
                }
                if (within.bound() >= 1) {
                    return Optional.empty(); // every set is within distance 1 of every other
                }
                argument = within.argument();
            } else if (predicate instanceof IndexPredicate.Nearest nearest && nearest.operator().equals("jaccard")) {
                argument = nearest.argument();
            } else {
                return Optional.empty();
            }
            List<byte[]> terms = terms(argument);
            return terms.isEmpty() ? Optional.empty() : Optional.of(new Probe.Terms(terms, 1));
        }
    }
}
