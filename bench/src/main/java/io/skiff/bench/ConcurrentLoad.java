package io.skiff.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Concurrent clients calling as fast as they can for a fixed time: ops/s and latency
 * percentiles, after a warm-up of the same length.
 */
final class ConcurrentLoad {

    private final int seconds;

    ConcurrentLoad(int seconds) {
        this.seconds = seconds;
    }

    /** What one measurement gave. */
    record Figures(double opsPerSecond, double p50Micros, double p99Micros) {
    }

    /** One call, made again and again by a client. */
    interface Call {
        void run(Random random) throws Exception;
    }

    /** A client: what it calls, and what it closes when done. */
    interface Client extends AutoCloseable {
        Call call();

        @Override
        void close() throws Exception;
    }

    /** Opens one client per thread. */
    interface ClientFactory {
        Client open() throws Exception;
    }

    /** A warm-up of the same length, then ops/s and latency percentiles over {@code seconds}. */
    Figures measure(int clients, ClientFactory factory) throws Exception {
        run(clients, factory);
        return run(clients, factory);
    }

    private Figures run(int clients, ClientFactory factory) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        List<Exception> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = factory.open();
            long[] samples = new long[4_000_000];
            latencies.add(samples);
            int index = c;
            Thread thread = new Thread(() -> {
                Random random = new Random(index);
                Call call = client.call();
                int done = 0;
                try (client) {
                    long now = System.nanoTime();
                    while (now < end && done < samples.length) {
                        call.run(random);
                        long after = System.nanoTime();
                        samples[done++] = after - now;
                        now = after;
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
                counts[index] = done;
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Figures(total / (double) seconds, all[(int) (total * 0.50)] / 1000.0,
                all[Math.min(total - 1, (int) (total * 0.99))] / 1000.0);
    }
}
