package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.WriteRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first phase of a commit over several stores: prepared writes, locks, commit, abort, decisions. */
class PreparedTransactionTest extends EngineFixture {

    private static LogPosition at(long index) {
        return new LogPosition(1, index);
    }

    @Test
    void preparedWritesAreInvisibleAndLockTheirKeysUntilCommitted() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        engine.prepareTransaction("tx1", 0, List.of(TransactWriteItem.put(PutItem.of(USERS, user("a", 2))),
                TransactWriteItem.delete(DeleteItem.of(USERS, key("b")))), false, at(5));

        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 1));
        assertThat(engine.preparedTransactions()).isEqualTo(Map.of("tx1", 0));
        assertThat(engine.appliedPosition()).isEqualTo(at(5));
        failure(ErrorCode.WRITE_CONFLICT, () -> engine.put(PutItem.of(USERS, user("a", 3))));
        failure(ErrorCode.WRITE_CONFLICT, () -> engine.batchWrite(List.of(WriteRequest.put(USERS, user("b", 3)))));
        failure(ErrorCode.WRITE_CONFLICT, () -> engine.prepareTransaction("tx2", 0,
                List.of(TransactWriteItem.put(PutItem.of(USERS, user("a", 4)))), false, at(6)));
        engine.put(PutItem.of(USERS, user("c", 1)));

        engine.commitPrepared("tx1", at(7));

        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 2));
        assertThat(engine.preparedTransactions()).isEmpty();
        assertThat(engine.appliedPosition()).isEqualTo(at(7));
        engine.put(PutItem.of(USERS, user("a", 5)));
        engine.commitPrepared("tx1", at(8));
        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 5));
    }

    @Test
    void aRefusedPrepareKeepsNothingAndAnAbortWritesNothing() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        var refused = failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.prepareTransaction("tx1", 0, List.of(
                TransactWriteItem.put(PutItem.of(USERS, user("b", 1))),
                TransactWriteItem.check(USERS, key("a"), Condition.attributeNotExists(Path.attribute("pk")))),
                false, at(3)));
        assertThat(refused.cancellationReasons()).hasSize(2);
        assertThat(engine.preparedTransactions()).isEmpty();
        failure(ErrorCode.DUPLICATE_ITEM, () -> engine.prepareTransaction("tx2", 0, List.of(
                TransactWriteItem.put(PutItem.insert(USERS, user("d", 1))),
                TransactWriteItem.put(PutItem.insert(USERS, user("d", 2)))), true, at(4)));

        engine.prepareTransaction("tx3", 2, List.of(TransactWriteItem.put(PutItem.of(USERS, user("b", 1)))), false,
                at(5));
        engine.abortPrepared("tx3", at(6));

        assertThat(engine.get(GetItem.of(USERS, key("b")))).isEmpty();
        engine.put(PutItem.of(USERS, user("b", 2)));
        assertThat(engine.preparedTransactions()).isEmpty();
    }

    @Test
    void aPreparedTransactionSurvivesAReopenWithItsLocks() {
        engine.prepareTransaction("tx1", 3, List.of(TransactWriteItem.put(PutItem.of(USERS, user("a", 1)))), false,
                at(9));
        engine.close();
        engine = Engine.open(dataDir, SMALL);

        assertThat(engine.preparedTransactions()).isEqualTo(Map.of("tx1", 3));
        failure(ErrorCode.WRITE_CONFLICT, () -> engine.put(PutItem.of(USERS, user("a", 2))));
        engine.commitPrepared("tx1", at(10));
        assertThat(engine.get(GetItem.of(USERS, key("a")))).contains(user("a", 1));
    }

    @Test
    void aTableWithPreparedItemsIsNotDroppedUntilTheyAreFinished() {
        engine.prepareTransaction("tx1", 0, List.of(TransactWriteItem.put(PutItem.of(USERS, user("a", 1)))), false,
                at(1));

        failure(ErrorCode.WRITE_CONFLICT, () -> engine.dropTable(USERS, at(2)));
        engine.dropTable(EVENTS, at(3));
        assertThat(engine.findTable(USERS)).isPresent();

        engine.abortPrepared("tx1", at(4));
        engine.dropTable(USERS, at(5));
        assertThat(engine.findTable(USERS)).isEmpty();
    }

    @Test
    void theFirstDecisionWins() {
        assertThat(engine.decideTransaction("tx1", false, at(1))).isFalse();
        assertThat(engine.decideTransaction("tx1", true, at(2))).isFalse();
        assertThat(engine.decideTransaction("tx2", true, at(3))).isTrue();
        engine.forgetTransaction("tx1", at(4));
        assertThat(engine.decideTransaction("tx1", true, at(5))).isTrue();
    }
}
