package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL in the middle of a stream of batches and checks that the store
 * reopens with every acknowledged batch, and every batch whole or absent.
 */
class CrashDurabilityTest {

    @TempDir
    Path dataDir;

    /** Rounds 0 and 1 write without fsync (the default), round 2 with fsync per commit. */
    @Test
    void aKilledWriterLeavesEveryBatchWholeOrAbsent() throws Exception {
        Map<Long, Long> ackedRanges = new TreeMap<>();
        for (long round = 0; round < 3; round++) {
            long first = round * 1_000_000 + 1;
            ackedRanges.put(first, runAndKill(first, first + 100 + round * 100));
            verify(ackedRanges);
        }
    }

    private long runAndKill(long firstBatch, long ackedAtLeast) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dataDir.toString(), Long.toString(firstBatch),
                firstBatch > 2_000_000 ? "sync" : "nosync")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked = Long.parseLong(line.substring(4));
                    if (acked >= ackedAtLeast) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acked).as("the child acknowledged batches before dying").isGreaterThanOrEqualTo(ackedAtLeast);
        return acked;
    }

    private void verify(Map<Long, Long> ackedRanges) {
        try (Engine engine = Engine.open(dataDir, EngineOptions.defaults())) {
            Map<Long, Integer> itemsPerBatch = new TreeMap<>();
            io.skiff.storage.api.Scan scan = io.skiff.storage.api.Scan.table(CrashWriter.TABLE);
            while (true) {
                var page = engine.scan(scan);
                for (Item item : page.items()) {
                    long batch = ((NumberValue) item.get("batch")).value().longValueExact();
                    itemsPerBatch.merge(batch, 1, Integer::sum);
                }
                if (page.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                scan = scan.startAfter(page.lastEvaluatedKey().get());
            }
            assertThat(itemsPerBatch.values()).as("every batch whole").containsOnly(CrashWriter.BATCH_SIZE);
            ackedRanges.forEach((first, last) -> {
                for (long batch = first; batch <= last; batch++) {
                    assertThat(itemsPerBatch).as("acknowledged batch %d", batch).containsKey(batch);
                }
            });
        }
    }
}
