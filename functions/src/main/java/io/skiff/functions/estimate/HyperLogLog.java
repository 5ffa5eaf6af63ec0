package io.skiff.functions.estimate;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NullValue;
import io.skiff.functions.Estimator;
import io.skiff.functions.Sketch;
import io.skiff.functions.ValueHash;

/**
 * {@code hll}: the number of distinct values, by HyperLogLog (Flajolet et al. 2007) with 2^14
 * registers of one byte (16 KiB): a standard error of about 0.8%, and exact-looking counts for
 * small sets thanks to linear counting below 2.5 times the register count.
 */
public final class HyperLogLog implements Estimator {

    static final int PRECISION = 14;
    static final int REGISTERS = 1 << PRECISION;

    @Override
    public String name() {
        return "hll";
    }

    @Override
    public String description() {
        return "distinct values, about 0.8% standard error, 16 KiB";
    }

    @Override
    public Sketch newSketch() {
        return new Registers();
    }

    /** The registers: for each bucket, the longest run of leading zeros seen, plus one. */
    static final class Registers implements Sketch.DistinctCount {
        private final byte[] registers = new byte[REGISTERS];

        @Override
        public void add(AttributeValue value) {
            if (value == null || value instanceof NullValue) {
                return;
            }
            long hash = ValueHash.of(value);
            int bucket = (int) (hash >>> (64 - PRECISION));
            // The rest of the bits, with a stop bit so a run of zeros is at most 64 - PRECISION long.
            long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
            byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
            if (rank > registers[bucket]) {
                registers[bucket] = rank;
            }
        }

        @Override
        public void merge(Sketch other) {
            byte[] theirs = ((Registers) other).registers;
            for (int i = 0; i < REGISTERS; i++) {
                if (theirs[i] > registers[i]) {
                    registers[i] = theirs[i];
                }
            }
        }

        @Override
        public long distinct() {
            double sum = 0;
            int zeros = 0;
            for (byte register : registers) {
                sum += Math.scalb(1.0, -register);
                if (register == 0) {
                    zeros++;
                }
            }
            double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
            double estimate = alpha * REGISTERS * (double) REGISTERS / sum;
            if (estimate <= 2.5 * REGISTERS && zeros > 0) {
                estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
            }
            return Math.round(estimate);
        }
    }
}
