package io.skiff.sql;

import io.skiff.sql.exec.PlannedSizes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * When a cached plan is made again because the tables it reads changed size: a table that grew
 * or shrank by more than {@code factor} since planning, counting only tables that reach
 * {@code floorItems} before or after (a table of a few hundred items is scanned about as fast as
 * it is probed, and small tables change size by large factors all the time). Sizes are looked at
 * no more often than once per {@code checkIntervalNanos} per statement, so a statement run a
 * hundred thousand times a second pays for the check (a few microseconds per table) about once a
 * second; a table's size that moved by ×4 within that second is seen a second late.
 *
 * @param factor how many times larger or smaller a table must have become
 * @param floorItems the size below which, before and after, a table's change does not count
 * @param checkIntervalNanos the least time between two looks at the sizes of one statement
 * @param ticker the clock of the interval, in nanoseconds ({@link System#nanoTime()})
 */
record ReplanPolicy(double factor, double floorItems, long checkIntervalNanos, LongSupplier ticker) {

    static final ReplanPolicy DEFAULT = new ReplanPolicy(4, 1_000, TimeUnit.SECONDS.toNanos(1), System::nanoTime);

    /** Whether a plan made with the sizes {@code planned} may no longer be the best one at the sizes {@code now}. */
    boolean outdated(PlannedSizes planned, PlannedSizes now) {
        for (Map.Entry<String, Double> table : planned.rowsByTable().entrySet()) {
            Double current = now.rowsByTable().get(table.getKey());
            if (current != null && moved(table.getValue(), current)) {
                return true;
            }
        }
        return false;
    }

    private boolean moved(double then, double now) {
        if (Math.max(then, now) < floorItems) {
            return false;
        }
        return now >= then * factor || now * factor <= then;
    }

    /** This policy looking at sizes at most once per {@code nanos} of {@code clock}: for tests. */
    ReplanPolicy withInterval(long nanos, LongSupplier clock) {
        return new ReplanPolicy(factor, floorItems, nanos, clock);
    }
}
