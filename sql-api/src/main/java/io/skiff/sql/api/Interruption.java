package io.skiff.sql.api;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Stops one execution of a statement: when another thread cancels it, or when the time Skiff has
 * spent working on it passes its budget. The running statement calls {@link #check()} between
 * rows and between pages read from storage, so it stops within one page of work; a write
 * statement stopped this way writes nothing, because its writes commit only at its end.
 *
 * <p>The budget counts the time spent inside Skiff ({@link #enter()} to {@link #exit()}), not
 * the time the application spends between fetching rows: a slow reader of a large result is not
 * timed out for being slow itself.
 */
public final class Interruption {

    /** The key under which a running plan finds its interruption in the execution context. */
    public static final String CONTEXT_KEY = "skiff.interruption";

    private static final long UNLIMITED = Long.MAX_VALUE;

    private final LongSupplier nanoClock;
    private final long budgetNanos;
    private volatile boolean cancelled;
    private final java.util.List<Runnable> onCancel = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Only the executing thread touches these two. */
    private long spentNanos;
    private long enteredAt = -1;

    Interruption(LongSupplier nanoClock, long budgetNanos) {
        this.nanoClock = nanoClock;
        this.budgetNanos = budgetNanos;
    }

    /** An execution without a time budget that can still be cancelled. */
    public static Interruption unlimited() {
        return new Interruption(System::nanoTime, UNLIMITED);
    }

    /** An execution that may spend at most {@code budget} inside Skiff; zero means no limit. */
    public static Interruption withBudget(Duration budget) {
        if (budget.isNegative()) {
            throw SkiffException.validation("A statement time limit cannot be negative: " + budget);
        }
        return new Interruption(System::nanoTime, budget.isZero() ? UNLIMITED : budget.toNanos());
    }

    /**
     * An execution that may spend at most {@code budgetNanos} as measured by {@code nanoClock}:
     * for tests and simulations that drive time themselves.
     */
    public static Interruption withBudget(long budgetNanos, LongSupplier nanoClock) {
        return new Interruption(nanoClock, budgetNanos);
    }

    /** Asks the execution to stop at its next check; safe to call from any thread, more than once. */
    public void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    /**
     * Runs {@code action} when the execution is cancelled (at once if it is already), on the
     * cancelling thread: for work done elsewhere, such as a call to a server, to stop too.
     */
    public void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    /** The time the execution may still spend inside Skiff; empty when it has no budget. */
    public java.util.Optional<java.time.Duration> remaining() {
        if (budgetNanos == UNLIMITED) {
            return java.util.Optional.empty();
        }
        long spent = spentNanos + (enteredAt >= 0 ? nanoClock.getAsLong() - enteredAt : 0);
        return java.util.Optional.of(java.time.Duration.ofNanos(Math.max(0, budgetNanos - spent)));
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Starts counting time: the statement's thread is now working inside Skiff. */
    public void enter() {
        enteredAt = nanoClock.getAsLong();
        check();
    }

    /** Stops counting time until the next {@link #enter()}. */
    public void exit() {
        if (enteredAt >= 0) {
            spentNanos += nanoClock.getAsLong() - enteredAt;
            enteredAt = -1;
        }
    }

    /**
     * Throws {@link ErrorCode#QUERY_CANCELLED} if the execution was cancelled, or
     * {@link ErrorCode#QUERY_TIMEOUT} if it has used up its budget.
     */
    public void check() {
        if (cancelled) {
            throw new SkiffException(ErrorCode.QUERY_CANCELLED, "The statement was cancelled");
        }
        if (budgetNanos != UNLIMITED) {
            long spent = spentNanos + (enteredAt >= 0 ? nanoClock.getAsLong() - enteredAt : 0);
            if (spent > budgetNanos) {
                throw new SkiffException(ErrorCode.QUERY_TIMEOUT, "The statement ran longer than its time limit of "
                        + describe(budgetNanos) + " and was stopped");
            }
        }
    }

    private static String describe(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
