package io.skiff.replication;

import java.time.Duration;

/** The index of the last log entry a replica applied, and a way to wait for it to reach one. */
public final class AppliedIndex {

    private long index = -1;

    synchronized void reset(long start) {
        index = start;
        notifyAll();
    }

    synchronized void advance(long newIndex) {
        if (newIndex > index) {
            index = newIndex;
            notifyAll();
        }
    }

    /** The index applied so far. */
    public synchronized long get() {
        return index;
    }

    /**
     * Waits until the replica applied {@code target}; returns whether it did within {@code timeout}.
     */
    public synchronized boolean await(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (index < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
