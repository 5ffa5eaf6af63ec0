package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.StringValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * An INSERT's duplicate-key check, wherever the existing key lives: in the memtable, only in an
 * SST file after a flush, earlier in the same statement, or in a statement racing this one.
 * Each failure writes nothing.
 */
class StatementDuplicateCheckTest extends EngineFixture {

    @Test
    void aKeyStillInTheMemtableIsADuplicate() {
        engine.statementWrite(inserts(0, 300));
        var e = failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.statementWrite(inserts(299, 400)));
        assertThat(e.cancellationReasons().get(0).code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);
        assertThat(e.cancellationReasons().subList(1, 101)).allMatch(CancellationReason::isNone);
        assertThat(all(USERS)).hasSize(300);
    }

    @Test
    void aKeyOnlyInAnSstFileAfterAFlushIsADuplicate() {
        engine.statementWrite(inserts(0, 300));
        reopen(); // closing flushes the memtable: the keys now live only in an SST file
        var e = failure(ErrorCode.TRANSACTION_CANCELLED, () -> engine.statementWrite(inserts(250, 260)));
        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                .containsOnly(ErrorCode.DUPLICATE_ITEM);
        var last = failure(ErrorCode.TRANSACTION_CANCELLED,
                () -> engine.statementWrite(withLast(inserts(300, 600), 299)));
        assertThat(last.cancellationReasons().get(300).code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);
        assertThat(all(USERS)).hasSize(300);
        engine.statementWrite(inserts(300, 600));
        assertThat(all(USERS)).hasSize(600);
    }

    @Test
    void aKeyInsertedTwiceInOneStatementIsADuplicateAndNothingIsWritten() {
        List<TransactWriteItem> twice = inserts(0, 100);
        twice.add(TransactWriteItem.put(PutItem.insert(USERS, user("u42", 0))));
        var e = failure(ErrorCode.DUPLICATE_ITEM, () -> engine.statementWrite(twice));
        assertThat(e.getMessage()).contains("{\"pk\":{\"S\":\"u42\"}}").contains("'users'").contains("twice");
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(all(USERS)).isEmpty();
    }

    @Test
    void writingOneItemTwiceOtherwiseIsRejectedAndWritesNothing() {
        List<TransactWriteItem> writes = inserts(0, 10);
        writes.add(TransactWriteItem.delete(DeleteItem.of(USERS, key("u3"))));
        var e = failure(ErrorCode.VALIDATION_ERROR, () -> engine.statementWrite(writes));
        assertThat(e.getMessage()).contains("one item twice");
        assertThat(all(USERS)).isEmpty();
    }

    @RepeatedTest(3)
    void ofStatementsRacingToInsertTheSameKeysExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // Each statement: the same 200 keys in its own order, plus one key of its own.
                List<TransactWriteItem> writes = inserts(0, 200);
                Collections.shuffle(writes, new Random(t));
                writes.add(TransactWriteItem.put(PutItem.insert(USERS, user("own" + t, t))));
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        engine.statementWrite(writes);
                        wins.incrementAndGet();
                    } catch (SkiffException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
                        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                                .contains(ErrorCode.DUPLICATE_ITEM);
                        duplicates.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wins.get()).isEqualTo(1);
        assertThat(duplicates.get()).isEqualTo(threads - 1);
        assertThat(all(USERS)).hasSize(201)
                .filteredOn(item -> ((StringValue) item.get("pk")).value().startsWith("own")).hasSize(1);
    }

    private static List<TransactWriteItem> inserts(int from, int to) {
        List<TransactWriteItem> inserts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            inserts.add(TransactWriteItem.put(PutItem.insert(USERS, user("u" + i, i))));
        }
        return inserts;
    }

    /** {@code writes} plus an insert of an existing key ({@code u<existing>}) at the end. */
    private static List<TransactWriteItem> withLast(List<TransactWriteItem> writes, int existing) {
        List<TransactWriteItem> all = new ArrayList<>(writes);
        all.add(TransactWriteItem.put(PutItem.insert(USERS, user("u" + existing, 0))));
        return all;
    }
}
