package io.skiff.server;

import io.grpc.Context;
import io.grpc.Deadline;
import io.skiff.sql.api.Interruption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ties a statement's {@link Interruption} to the gRPC call working on it: the statement stops
 * when the client cancels the call or its deadline passes. A cursor outlives the call that opened
 * it, so the tie lasts only while the call runs ({@link #close()}).
 */
final class CallInterruption implements AutoCloseable {

    private final Context context;
    private final Context.CancellationListener listener;

    private CallInterruption(Context context, Context.CancellationListener listener) {
        this.context = context;
        this.listener = listener;
    }

    /**
     * A new interruption whose budget is the smaller of {@code timeoutMillis} (0 = none) and the
     * time left before the current call's deadline.
     */
    static Interruption budget(long timeoutMillis) {
        long budgetMillis = Math.max(0, timeoutMillis);
        Deadline deadline = Context.current().getDeadline();
        if (deadline != null) {
            long left = Math.max(1, deadline.timeRemaining(TimeUnit.MILLISECONDS));
            budgetMillis = budgetMillis == 0 ? left : Math.min(budgetMillis, left);
        }
        return Interruption.withBudget(Duration.ofMillis(budgetMillis));
    }

    /** Cancels {@code interruption} if the current call is cancelled before {@link #close()}. */
    static CallInterruption tie(Interruption interruption) {
        Context context = Context.current();
        Context.CancellationListener listener = cancelled -> interruption.cancel();
        context.addListener(listener, Runnable::run);
        return new CallInterruption(context, listener);
    }

    @Override
    public void close() {
        context.removeListener(listener);
    }
}
