package io.skiff.replication.history;

import static io.skiff.replication.history.RegisterOp.Outcome.OK;
import static io.skiff.replication.history.RegisterOp.Outcome.REFUSED;
import static io.skiff.replication.history.RegisterOp.Outcome.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker accepts what a register can do and rejects what it cannot, on hand-made histories. */
class LinearizabilityCheckerTest {

    @Test
    void aSequentialHistoryIsLinearizableExactlyWhenItsReadsMatch() {
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.read(1, 0, 1, null),
                RegisterOp.write(1, 2, 3, "a", OK),
                RegisterOp.read(2, 4, 5, "a")))).isTrue();
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 10, "a", OK),
                RegisterOp.read(2, 20, 30, "b")))).isFalse();
    }

    @Test
    void concurrentWritesMayTakeEffectInEitherOrder() {
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 10, "a", OK),
                RegisterOp.write(2, 5, 15, "b", OK),
                RegisterOp.read(3, 20, 25, "a")))).isTrue();
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 10, "a", OK),
                RegisterOp.write(2, 5, 15, "b", OK),
                RegisterOp.read(3, 20, 25, "b")))).isTrue();
    }

    @Test
    void aStaleReadAfterANewerWriteReturnedIsNot() {
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 10, "a", OK),
                RegisterOp.write(1, 20, 30, "b", OK),
                RegisterOp.read(2, 40, 50, "a")))).isFalse();
        // Two reads may not see the writes in opposite orders.
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 100, "a", OK),
                RegisterOp.write(2, 0, 100, "b", OK),
                RegisterOp.read(3, 10, 20, "a"),
                RegisterOp.read(3, 30, 40, "b"),
                RegisterOp.read(4, 50, 60, "a")))).isFalse();
    }

    @Test
    void compareAndSetMustAgreeWithTheValueItFound() {
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 1, "a", OK),
                RegisterOp.compareAndSet(2, 2, 3, "a", "b", OK),
                RegisterOp.compareAndSet(3, 4, 5, "a", "c", REFUSED),
                RegisterOp.read(1, 6, 7, "b")))).isTrue();
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 1, "a", OK),
                RegisterOp.compareAndSet(2, 2, 3, "a", "b", REFUSED)))).isFalse();
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.compareAndSet(2, 2, 3, "a", "b", OK)))).isFalse();
    }

    @Test
    void anOperationWithAnUnknownOutcomeMayTakeEffectLateOrNever() {
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 1, "a", OK),
                RegisterOp.write(2, 2, 3, "b", UNKNOWN),
                RegisterOp.read(3, 5, 6, "a")))).isTrue();
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 1, "a", OK),
                RegisterOp.write(2, 2, 3, "b", UNKNOWN),
                RegisterOp.read(3, 5, 6, "a"),
                RegisterOp.read(3, 7, 8, "b")))).isTrue();
        // Once seen, it has happened: the register cannot go back.
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.write(1, 0, 1, "a", OK),
                RegisterOp.write(2, 2, 3, "b", UNKNOWN),
                RegisterOp.read(3, 7, 8, "b"),
                RegisterOp.read(3, 9, 10, "a")))).isFalse();
        // It cannot take effect before it was invoked.
        assertThat(LinearizabilityChecker.isLinearizable(List.of(
                RegisterOp.read(3, 0, 1, "b"),
                RegisterOp.write(2, 2, 3, "b", UNKNOWN)))).isFalse();
    }
}
