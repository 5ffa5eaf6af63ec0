package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NullValue;
import io.skiff.functions.ValueHash;
import java.util.Map;

/**
 * The size of a Bloom filter for {@code capacity} values and a false-positive probability
 * {@code fpp}, and where a value's k hashes land. The textbook optimum: {@code m = -n ln p / (ln 2)²}
 * positions and {@code k = (m / n) ln 2} hash functions, which double hashing of one 64-bit
 * {@link ValueHash} provides (Kirsch and Mitzenmacher 2006): position i is {@code (h1 + i·h2) mod m}.
 */
final class BloomShape {

    /** Most cells a filter may have: 1 GiB. */
    static final int MAX_CELLS = 1 << 27;

    /** m: the bits, or counters, of the filter. */
    final long size;
    /** k: the positions of a value. */
    final int hashes;
    final Map<String, String> options;

    private BloomShape(long size, int hashes, Map<String, String> options) {
        this.size = size;
        this.hashes = hashes;
        this.options = options;
    }

    /** Reads {@code capacity} (1 to 10^9, default 1,000,000) and {@code fpp} (10^-9 to 0.5, default 0.01). */
    static BloomShape read(String plugin, Map<String, String> options, int positionsPerCell) {
        Options read = Options.read(plugin, options, "capacity", "fpp");
        int capacity = read.integer("capacity", 1_000_000, 1, 1_000_000_000);
        double fpp = read.decimal("fpp", "0.01", "0.000000001", "0.5");
        double ln2 = StrictMath.log(2);
        long size = (long) Math.ceil(-capacity * StrictMath.log(fpp) / (ln2 * ln2));
        int hashes = Math.max(1, (int) Math.round((double) size / capacity * ln2));
        if ((size + positionsPerCell - 1) / positionsPerCell > MAX_CELLS) {
            throw read.invalid("capacity " + capacity + " at fpp " + read.resolved().get("fpp") + " needs more than "
                    + MAX_CELLS + " cells (1 GiB)");
        }
        return new BloomShape(size, hashes, read.resolved());
    }

    /** The cells of {@code positionsPerCell} positions each that hold every position. */
    int cells(int positionsPerCell) {
        return (int) ((size + positionsPerCell - 1) / positionsPerCell);
    }

    /** Whether a filter takes the value: everything but a missing or {@code NULL} one. */
    static boolean takes(AttributeValue value) {
        return value != null && !(value instanceof NullValue);
    }

    /** The value's {@link #hashes} positions, some perhaps repeated. */
    long[] positions(AttributeValue value) {
        long h1 = ValueHash.of(value);
        long h2 = ValueHash.mix(h1 ^ 0x9E3779B97F4A7C15L) | 1; // odd, so the steps never stall
        long[] positions = new long[hashes];
        for (int i = 0; i < hashes; i++) {
            positions[i] = Long.remainderUnsigned(h1 + i * h2, size);
        }
        return positions;
    }
}
