package io.skiff.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Slices of the hash space and the slice of a hash agree at every boundary. */
class PartitionHashesTest {

    @Test
    void aHashLiesInTheSliceWhoseBoundsHoldIt() {
        Random random = new Random(1);
        for (int slices : new int[] {1, 3, 7, 8, 256, 1_000_000}) {
            assertThat(PartitionHashes.sliceStart(0, slices)).isZero();
            assertThat(PartitionHashes.sliceStart(slices, slices)).isEqualTo(PartitionHashes.SPACE);
            for (int i = 0; i < 2000; i++) {
                int slice = random.nextInt(slices);
                long start = PartitionHashes.sliceStart(slice, slices);
                long end = PartitionHashes.sliceStart(slice + 1, slices);
                assertThat(PartitionHashes.sliceOf(start, slices)).isEqualTo(slice);
                assertThat(PartitionHashes.sliceOf(end - 1, slices)).isEqualTo(slice);
                long hash = random.nextLong() & 0xFFFF_FFFFL;
                int of = PartitionHashes.sliceOf(hash, slices);
                assertThat(hash).isBetween(PartitionHashes.sliceStart(of, slices),
                        PartitionHashes.sliceStart(of + 1, slices) - 1);
            }
        }
    }
}
