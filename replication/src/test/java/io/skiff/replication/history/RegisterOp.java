package io.skiff.replication.history;

import java.util.Objects;

/**
 * One operation on a register (one key), as a client saw it: when it was invoked, when it
 * returned, what it asked and what came back. {@code null} values mean "no item".
 *
 * @param client the client that ran it
 * @param invoked {@code System.nanoTime()} before the call
 * @param returned {@code System.nanoTime()} after the call; {@link Long#MAX_VALUE} when the outcome
 *                 is unknown (the call failed in a way that may or may not have taken effect)
 * @param kind what the operation was
 * @param expected for a compare-and-set, the value it required
 * @param value for a write, the value written; for a read, the value read
 * @param outcome how it ended
 */
public record RegisterOp(int client, long invoked, long returned, Kind kind, String expected, String value,
                         Outcome outcome) {

    /** The operations a register supports. */
    public enum Kind { READ, WRITE, COMPARE_AND_SET }

    /** How an operation ended. */
    public enum Outcome {
        /** It took effect (a read returned {@link #value}). */
        OK,
        /** A compare-and-set whose condition did not hold: it changed nothing. */
        REFUSED,
        /** The client does not know: it may have taken effect at any time after its invocation. */
        UNKNOWN
    }

    public RegisterOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static RegisterOp read(int client, long invoked, long returned, String value) {
        return new RegisterOp(client, invoked, returned, Kind.READ, null, value, Outcome.OK);
    }

    public static RegisterOp write(int client, long invoked, long returned, String value, Outcome outcome) {
        return new RegisterOp(client, invoked, outcome == Outcome.UNKNOWN ? Long.MAX_VALUE : returned, Kind.WRITE,
                null, value, outcome);
    }

    public static RegisterOp compareAndSet(int client, long invoked, long returned, String expected, String value,
                                           Outcome outcome) {
        return new RegisterOp(client, invoked, outcome == Outcome.UNKNOWN ? Long.MAX_VALUE : returned,
                Kind.COMPARE_AND_SET, expected, value, outcome);
    }

    /**
     * Applies this operation to a register holding {@code state}, if the outcome the client saw is
     * possible from there: returns the state after it, or {@link #IMPOSSIBLE}.
     */
    Object step(String state) {
        switch (kind) {
            case READ:
                return Objects.equals(state, value) ? state : IMPOSSIBLE;
            case WRITE:
                return value;
            default:
                boolean holds = Objects.equals(state, expected);
                if (outcome == Outcome.OK) {
                    return holds ? value : IMPOSSIBLE;
                }
                if (outcome == Outcome.REFUSED) {
                    return holds ? IMPOSSIBLE : state;
                }
                // Unknown: placed last, it may as well never have happened; placed earlier, it
                // did what the register state says it would.
                return holds ? value : state;
        }
    }

    /** The step of an operation whose outcome contradicts the state. */
    static final Object IMPOSSIBLE = new Object();
}
