package io.skiff.storage;

import static io.skiff.core.value.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.Item;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchAndTransactionTest extends EngineFixture {

    @Test
    void batchWritesPutsAndDeletesAcrossTables() {
        engine.put(PutItem.of(USERS, user("gone", 1)));
        engine.batchWrite(List.of(
                WriteRequest.put(USERS, user("a", 1)),
                WriteRequest.put(EVENTS, event("a", 1)),
                WriteRequest.delete(USERS, key("gone"))));
        assertThat(all(USERS)).containsExactly(user("a", 1));
        assertThat(all(EVENTS)).containsExactly(event("a", 1));
    }

    @Test
    void aBatchWithOneBadWriteWritesNothing() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(WriteRequest.put(USERS, user("u" + i, i)));
        }
        writes.add(WriteRequest.put(USERS, Item.builder().n("pk", 1).build()));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.batchWrite(writes));
        writes.set(10, WriteRequest.put(USERS, user("u0", 99)));
        var duplicates = failure(ErrorCode.VALIDATION_ERROR, () -> engine.batchWrite(writes));
        assertThat(duplicates.getMessage()).contains("duplicates");
        writes.set(10, WriteRequest.put("missing", user("x", 1)));
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.batchWrite(writes));
        assertThat(all(USERS)).isEmpty();
    }

    @Test
    void batchSizesAreLimited() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            writes.add(WriteRequest.put(USERS, user("u" + i, i)));
        }
        var e = failure(ErrorCode.VALIDATION_ERROR, () -> engine.batchWrite(writes));
        assertThat(e.getMessage()).contains("26").contains("25");
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.batchWrite(List.of()));
        engine.batchWrite(writes.subList(0, 25));
        assertThat(all(USERS)).hasSize(25);
    }

    @Test
    void batchGetReadsInRequestOrder() {
        engine.put(PutItem.of(USERS, user("a", 1)));
        engine.put(PutItem.of(EVENTS, event("e", 2)));
        var items = engine.batchGet(List.of(GetItem.of(EVENTS, key("e", 2)), GetItem.of(USERS, key("missing")),
                GetItem.of(USERS, key("a")).project(List.of(Path.parse("age")))));
        assertThat(items).containsExactly(Optional.of(event("e", 2)), Optional.empty(),
                Optional.of(Item.builder().n("age", 1).build()));
        assertThat(engine.transactGet(List.of(GetItem.of(USERS, key("a"))))).containsExactly(Optional.of(user("a", 1)));
    }

    @Test
    void aTransactionCommitsEverythingWhenEveryConditionHolds() {
        engine.put(PutItem.of(USERS, user("alice", 100)));
        engine.put(PutItem.of(USERS, user("bob", 5)));
        engine.put(PutItem.of(USERS, user("old", 5)));
        Condition rich = Condition.ge(Operand.path(Path.parse("age")), Operand.value(n(50)));
        engine.transactWrite(List.of(
                TransactWriteItem.update(UpdateItem.of(USERS, key("alice"), add(-50)).withCondition(rich)),
                TransactWriteItem.update(UpdateItem.of(USERS, key("bob"), add(50))),
                TransactWriteItem.put(PutItem.insert(EVENTS, event("transfer", 1))),
                TransactWriteItem.delete(DeleteItem.of(USERS, key("old"))),
                TransactWriteItem.check(USERS, key("nobody"), Condition.attributeNotExists(Path.parse("pk")))));
        assertThat(all(USERS)).containsExactlyInAnyOrder(user("alice", 50), user("bob", 55));
        assertThat(all(EVENTS)).containsExactly(event("transfer", 1));
    }

    @Test
    void aFailedConditionCancelsEverythingWithAReasonPerItem() {
        engine.put(PutItem.of(USERS, user("alice", 10)));
        engine.put(PutItem.of(EVENTS, event("dup", 1)));
        Condition rich = Condition.ge(Operand.path(Path.parse("age")), Operand.value(n(50)));
        var e = failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.transactWrite(List.of(
                TransactWriteItem.put(PutItem.of(USERS, user("carol", 1))),
                TransactWriteItem.update(UpdateItem.of(USERS, key("alice"), add(-50)).withCondition(rich)),
                TransactWriteItem.put(PutItem.insert(EVENTS, event("dup", 1))),
                TransactWriteItem.check(USERS, key("zed"), Condition.attributeNotExists(Path.parse("pk"))))));
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly(null, ErrorCode.CONDITIONAL_CHECK_FAILED, ErrorCode.DUPLICATE_ITEM, null);
        assertThat(e.getMessage()).contains("[None, CONDITIONAL_CHECK_FAILED, DUPLICATE_ITEM, None]");
        assertThat(e.sqlState()).isEqualTo("40002");
        assertThat(all(USERS)).containsExactly(user("alice", 10));
    }

    @Test
    void malformedTransactionsAreRejectedBeforeAnythingRuns() {
        var twice = failure(ErrorCode.VALIDATION_ERROR, () -> engine.transactWrite(List.of(
                TransactWriteItem.put(PutItem.of(USERS, user("a", 1))),
                TransactWriteItem.delete(DeleteItem.of(USERS, key("a"))))));
        assertThat(twice.getMessage()).contains("multiple operations on one item");
        List<TransactWriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(TransactWriteItem.put(PutItem.of(USERS, user("u" + i, i))));
        }
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.transactWrite(tooMany));
        List<TransactWriteItem> badKey = new ArrayList<>(tooMany.subList(0, 5));
        badKey.add(TransactWriteItem.delete(DeleteItem.of(USERS, Item.builder().n("pk", 1).build())));
        failure(ErrorCode.VALIDATION_ERROR, () -> engine.transactWrite(badKey));
        List<TransactWriteItem> badItem = new ArrayList<>(tooMany.subList(0, 5));
        badItem.add(TransactWriteItem.put(PutItem.of(USERS, Item.builder().s("pk", "big")
                .s("blob", "x".repeat(401 * 1024)).build())));
        failure(ErrorCode.ITEM_TOO_LARGE, () -> engine.transactWrite(badItem));
        failure(ErrorCode.TABLE_NOT_FOUND, () -> engine.transactWrite(List.of(
                TransactWriteItem.put(PutItem.of(USERS, user("a", 1))),
                TransactWriteItem.put(PutItem.of("missing", user("a", 1))))));
        assertThat(all(USERS)).isEmpty();
        engine.transactWrite(tooMany.subList(0, 100));
        assertThat(all(USERS)).hasSize(100);
    }

    @Test
    void aStatementWriteIsOneAtomicWriteBeyondTheTransactionLimit() {
        List<TransactWriteItem> inserts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inserts.add(TransactWriteItem.put(PutItem.insert(USERS, user("u" + i, i))));
        }
        engine.statementWrite(inserts);
        assertThat(all(USERS)).hasSize(500);
        List<TransactWriteItem> again = new ArrayList<>();
        for (int i = 499; i < 700; i++) {
            again.add(TransactWriteItem.put(PutItem.insert(USERS, user("u" + i, i))));
        }
        failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.statementWrite(again));
        assertThat(all(USERS)).hasSize(500);
    }

    private static Update add(long delta) {
        return new Update(List.of(new UpdateAction.Set(Path.parse("age"),
                UpdateValue.plus(UpdateValue.path(Path.parse("age")), UpdateValue.value(n(delta))))));
    }
}
