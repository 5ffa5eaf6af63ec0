package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.distance.SimHashDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code simhash}: near-duplicate text, by Charikar's simhash (2002) as Manku, Jain and Das Sarma
 * use it for web pages (2007). A text's features are its words: maximal runs of Unicode letters
 * and digits, lower-cased code point by code point, each counted as often as it occurs. Every
 * word's 64-bit {@link ValueHash} votes +1 or -1 on each bit by that bit's value, and the simhash
 * has a bit set where the votes are positive; so texts that share most of their words have hashes
 * that differ in few bits ({@link SimHashDistance#hammingBits}).
 *
 * <p>The 64 bits are cut into {@code blocks} (option, 1 to 16, default 4) blocks of nearly equal
 * width, and a text is filed under each block's bits (with the block number). Two hashes that
 * differ in fewer bits than there are blocks agree on at least one whole block (the pigeonhole
 * principle), so the probe for {@code simhash(attr, text) <= bits} with {@code bits < blocks} is
 * "any block term in common", and misses nothing: the index is exact for the bounds it accepts
 * and declines the others. A one-word change to a text of 50 words typically moves its hash by a
 * few bits. The {@code simhash} distance operator ({@link io.skiff.functions.distance.SimHashDistance})
 * measures with {@link SimHashDistance#simhash} and {@link SimHashDistance#hammingBits}, so the index and the filter above it agree.
 */
public final class SimHash implements IndexPlugin {

    @Override
    public String name() {
        return "simhash";
    }

    @Override
    public String description() {
        return "near-duplicate text: simhash(attr, text) <= bits below the block count, by simhash blocks (exact)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options read = Options.read(name(), options, "blocks");
        int blocks = read.integer("blocks", 4, 1, 16);
        return new Blocks(blocks, read.resolved());
    }

    /** A simhash index cut into blocks. */
    static final class Blocks extends ConfiguredIndex implements TermIndex {

        private final int blocks;

        Blocks(int blocks, Map<String, String> options) {
            super(options, true);
            this.blocks = blocks;
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            return value instanceof StringValue s ? blockTerms(SimHashDistance.simhash(s.value())) : List.of();
        }

        /** Block i covers bits [64·i/blocks, 64·(i+1)/blocks). */
        private List<byte[]> blockTerms(long hash) {
            List<byte[]> terms = new ArrayList<>(blocks);
            for (int block = 0; block < blocks; block++) {
                int from = Long.SIZE * block / blocks;
                int to = Long.SIZE * (block + 1) / blocks;
                long bits = (hash >>> from) & (to - from == Long.SIZE ? -1L : (1L << (to - from)) - 1);
                terms.add(TermBytes.numbered(block, bits, (to - from + 7) / 8));
            }
            return terms;
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals("simhash");
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            if (predicate instanceof IndexPredicate.WithinDistance within && within.operator().equals("simhash")
                    && within.argument() instanceof StringValue text) {
                if (within.bound() < 0) {
                    return Optional.of(new Probe.None());
                }
                if (within.bound() < blocks) {
                    return Optional.of(new Probe.Terms(terms(text), 1));
                }
            }
            return Optional.empty();
        }
    }
}
