package io.skiff.jdbc.remote;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.ProtoErrors;
import io.skiff.sql.api.Interruption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes calls to the server the way the driver needs them: a failure comes back as the
 * {@link SkiffException} the server raised (code, message, position), a call stops when the
 * statement's {@link Interruption} is cancelled, and the statement's time budget becomes the
 * call's deadline.
 */
final class RemoteCalls {

    private final String endpoint;

    RemoteCalls(String endpoint) {
        this.endpoint = endpoint;
    }

    /** A call that cannot be cancelled by a statement (opening sessions, preparing, closing). */
    <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw translate(e);
        }
    }

    /** A call on behalf of a running statement: cancelled with it, and bounded by its remaining budget. */
    <T> T call(Interruption interruption, Supplier<T> call) {
        interruption.check();
        Context.CancellableContext context = interruption.remaining()
                .map(left -> Context.current().withDeadline(Deadline.after(Math.max(1, left.toMillis()),
                        TimeUnit.MILLISECONDS), DeadlineTimer.INSTANCE.scheduler()))
                .orElseGet(() -> Context.current().withCancellation());
        interruption.whenCancelled(() -> context.cancel(null));
        try {
            return context.call(call::get);
        } catch (StatusRuntimeException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Call to " + endpoint + " failed: " + e, e);
        } finally {
            context.cancel(null);
        }
    }

    /** The time left of a budget, in milliseconds for the server; 0 for none. */
    static long timeoutMillis(Interruption interruption) {
        return interruption.remaining().map(Duration::toMillis).map(ms -> Math.max(1, ms)).orElse(0L);
    }

    private SkiffException translate(StatusRuntimeException e) {
        java.util.Optional<SkiffException> skiff = ProtoErrors.fromStatus(e);
        if (skiff.isPresent()) {
            return skiff.get();
        }
        Status.Code code = e.getStatus().getCode();
        return switch (code) {
            case CANCELLED -> new SkiffException(ErrorCode.QUERY_CANCELLED, "The statement was cancelled", e);
            case DEADLINE_EXCEEDED -> new SkiffException(ErrorCode.QUERY_TIMEOUT,
                    "The statement ran longer than its time limit and was stopped", e);
            case UNAVAILABLE -> new SkiffException(ErrorCode.ENGINE_CLOSED, "The Skiff server at " + endpoint
                    + " is unavailable: " + e.getStatus().getDescription(), e);
            default -> new SkiffException(ErrorCode.INTERNAL_ERROR, "The Skiff server at " + endpoint + " answered "
                    + code + ": " + e.getStatus().getDescription(), e);
        };
    }

    /** One timer thread for the deadlines of every remote call of this JVM. */
    private enum DeadlineTimer {
        INSTANCE;

        private final java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "skiff-jdbc-deadlines");
                    thread.setDaemon(true);
                    return thread;
                });

        java.util.concurrent.ScheduledExecutorService scheduler() {
            return scheduler;
        }
    }
}
