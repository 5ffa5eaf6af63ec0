package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ExecuteTransaction}: all or nothing, one cancellation reason per statement, idempotent by token. */
class TransactionTest extends PartiqlFixture {

    @BeforeEach
    void fill() {
        table("Accounts", "id:S");
        table("Orders", "customer:S", "id:N");
        run("INSERT INTO Accounts VALUE {'id': 'a', 'balance': 100}");
        run("INSERT INTO Accounts VALUE {'id': 'b', 'balance': 50}");
        run("INSERT INTO Accounts VALUE {'id': 'c', 'balance': 10}");
        run("INSERT INTO Accounts VALUE {'id': 'd', 'balance': 10}");
    }

    private static ParameterizedStatement statement(String text, AttributeValue... parameters) {
        return ParameterizedStatement.of(text, parameters);
    }

    private TransactionResult transact(ParameterizedStatement... statements) {
        return session.executeTransaction(List.of(statements), Optional.empty());
    }

    private long balance(String id) {
        Item item = run("SELECT balance FROM Accounts WHERE id = ?", s(id)).get(0);
        return ((NumberValue) item.get("balance")).value().longValueExact();
    }

    private SkiffException cancelled(ParameterizedStatement... statements) {
        Map<String, List<Item>> before = contents();
        SkiffException e = failure(ErrorCode.TRANSACTION_CANCELLED, () -> transact(statements));
        assertThat(contents()).as("nothing of a cancelled transaction is written").isEqualTo(before);
        assertThat(e.cancellationReasons()).hasSize(statements.length);
        return e;
    }

    private SkiffException refused(ParameterizedStatement... statements) {
        Map<String, List<Item>> before = contents();
        SkiffException e = failure(ErrorCode.VALIDATION_ERROR, () -> transact(statements));
        assertThat(contents()).as("nothing of a refused transaction is written").isEqualTo(before);
        return e;
    }

    private static List<ErrorCode> codes(SkiffException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    @Test
    void writesCommitTogether() {
        TransactionResult result = transact(
                statement("UPDATE Accounts SET balance = balance - 30 WHERE id = 'a' AND balance >= 30"),
                statement("UPDATE Accounts SET balance = balance + 30 WHERE id = ?", s("b")),
                statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1, 'total': 30}"),
                statement("EXISTS(SELECT * FROM Accounts WHERE id = 'c' AND balance = 10)"));
        assertThat(result).isEqualTo(TransactionResult.WRITTEN);
        assertThat(balance("a")).isEqualTo(70);
        assertThat(balance("b")).isEqualTo(80);
        assertThat(run("SELECT * FROM Orders WHERE customer = 'a' AND id = 1")).hasSize(1);
        transact(statement("DELETE FROM Orders WHERE customer = 'a' AND id = 1"),
                statement("NOT EXISTS(SELECT * FROM Accounts WHERE id = 'nobody')"));
        assertThat(run("SELECT * FROM Orders WHERE customer = 'a'")).isEmpty();
    }

    @Test
    void aFailedConditionCancelsEverythingWithOneReasonPerStatement() {
        SkiffException e = cancelled(
                statement("UPDATE Accounts SET balance = balance - 500 WHERE id = 'a' AND balance >= 500"),
                statement("UPDATE Accounts SET balance = balance + 500 WHERE id = 'b'"));
        assertThat(codes(e)).containsExactly(ErrorCode.CONDITIONAL_CHECK_FAILED, null);
        assertThat(e.cancellationReasons().get(1).isNone()).isTrue();
        assertThat(e.getMessage()).contains("CONDITIONAL_CHECK_FAILED", "None");

        e = cancelled(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1}"),
                statement("INSERT INTO Accounts VALUE {'id': 'a'}"),
                statement("UPDATE Accounts SET balance = 0 WHERE id = 'missing'"),
                statement("EXISTS(SELECT * FROM Accounts WHERE id = 'b' AND balance > 1000)"),
                statement("NOT EXISTS(SELECT * FROM Accounts WHERE id = 'c')"),
                statement("UPDATE Accounts SET balance = balance + 'x' WHERE id = 'd'"),
                statement("DELETE FROM Accounts WHERE id = 'nobody' AND balance > 1"));
        assertThat(codes(e)).containsExactly(null, ErrorCode.DUPLICATE_ITEM, ErrorCode.CONDITIONAL_CHECK_FAILED,
                ErrorCode.CONDITIONAL_CHECK_FAILED, ErrorCode.CONDITIONAL_CHECK_FAILED, ErrorCode.VALIDATION_ERROR, null);
    }

    @Test
    void statementsThatCannotRunRefuseTheWholeRequestBeforeAnythingRuns() {
        assertThat(refused(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1}"),
                statement("UPDATE Accounts SET balance = 1 WHERE id = 'a'"),
                statement("DELETE FROM Accounts WHERE id = 'a'")).getMessage()).contains("multiple operations on one item");
        SkiffException bad = refused(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1}"),
                statement("UPDATE Accounts SET balance = 1\nWHERE id = ?", n(1)));
        assertThat(bad.getMessage()).startsWith("Statement 2 of the transaction: ").contains("parameter 1");
        assertThat(bad.line() + ":" + bad.column()).isEqualTo("2:12");
        assertThat(refused(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1}"),
                statement("SELECT * FROM Accounts WHERE id = 'a'")).getMessage()).contains("not both");
        assertThat(refused(statement("UPDATE Accounts SET balance = 1 WHERE id = 'a' RETURNING ALL NEW *"))
                .getMessage()).contains("RETURNING");
        assertThat(failure(ErrorCode.SYNTAX_ERROR, () -> transact(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 1}"),
                statement("UPDATE Accounts SET"))).getMessage()).startsWith("Statement 2 of the transaction");
        List<ParameterizedStatement> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(statement("INSERT INTO Orders VALUE {'customer': 'x', 'id': ?}", n(i)));
        }
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.executeTransaction(tooMany, Optional.empty()))
                .getMessage()).contains("1 to 100");
        session.executeTransaction(tooMany.subList(0, 100), Optional.empty());
        assertThat(session.execute("SELECT id FROM Orders WHERE customer = 'x'", List.of(), ExecuteOptions.DEFAULT)
                .items()).hasSize(100);
    }

    @Test
    void readTransactionsReadEachItemByItsFullKeyFromOneView() {
        TransactionResult result = transact(
                statement("SELECT balance FROM Accounts WHERE id = 'a'"),
                statement("SELECT * FROM Accounts WHERE id = ?", s("nobody")),
                statement("SELECT * FROM Accounts WHERE id = 'b' AND balance > 1000"),
                statement("SELECT id FROM Accounts WHERE id = 'b'"));
        assertThat(result.items()).containsExactly(Optional.of(item("{\"balance\":{\"N\":\"100\"}}")), Optional.empty(),
                Optional.empty(), Optional.of(item("{\"id\":{\"S\":\"b\"}}")));
        assertThat(refused(statement("SELECT * FROM Accounts WHERE id = 'a'"),
                statement("SELECT * FROM Accounts WHERE balance > 1")).getMessage())
                .startsWith("Statement 2 of the transaction").contains("must fix every key attribute");
    }

    @Test
    void aClientTokenMakesTheTransactionIdempotentForTenMinutes() {
        MutableClock clock = new MutableClock();
        PartiqlSession tokens = engineOver(engine, clock).openSession();
        List<ParameterizedStatement> order = List.of(statement("INSERT INTO Orders VALUE {'customer': 'a', 'id': 7}"),
                statement("UPDATE Accounts SET balance = balance - 7 WHERE id = 'a'"));
        tokens.executeTransaction(order, Optional.of("token-1"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(tokens.executeTransaction(order, Optional.of("token-1"))).isEqualTo(TransactionResult.WRITTEN);
        assertThat(balance("a")).as("the repeated request did not run again").isEqualTo(93);
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> tokens.executeTransaction(
                List.of(statement("DELETE FROM Orders WHERE customer = 'a' AND id = 7")), Optional.of("token-1")))
                .getMessage()).contains("IdempotentParameterMismatch");
        clock.advance(Duration.ofMinutes(2));
        SkiffException again = failure(ErrorCode.TRANSACTION_CANCELLED,
                () -> tokens.executeTransaction(order, Optional.of("token-1")));
        assertThat(codes(again)).containsExactly(ErrorCode.DUPLICATE_ITEM, null);
        tokens.executeTransaction(List.of(statement("DELETE FROM Orders WHERE customer = 'a' AND id = 7")),
                Optional.of("token-1"));
        assertThat(run("SELECT * FROM Orders WHERE customer = 'a'")).isEmpty();
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> tokens.executeTransaction(order,
                Optional.of("x".repeat(37)))).getMessage()).contains("1 to 36");
    }

    @Test
    void concurrentTransfersOnOverlappingAccountsConserveTheTotal() throws Exception {
        int accounts = 6;
        for (int i = 0; i < accounts; i++) {
            run("INSERT INTO Orders VALUE {'customer': 'bank', 'id': ?, 'balance': 100}", n(i));
        }
        int threads = 4;
        int transfersPerThread = 150;
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger badViews = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    start.await();
                    for (int i = 0; i < transfersPerThread; i++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        long amount = 1 + random.nextInt(60);
                        try {
                            transact(statement("UPDATE Orders SET balance = balance - ? WHERE customer = 'bank'"
                                            + " AND id = ? AND balance >= ?", n(amount), n(from), n(amount)),
                                    statement("UPDATE Orders SET balance = balance + ? WHERE customer = 'bank'"
                                            + " AND id = ?", n(amount), n(to)));
                            committed.incrementAndGet();
                        } catch (SkiffException e) {
                            assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.TRANSACTION_CANCELLED);
                            cancelled.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                List<ParameterizedStatement> reads = new ArrayList<>();
                for (int i = 0; i < accounts; i++) {
                    reads.add(statement("SELECT balance FROM Orders WHERE customer = 'bank' AND id = ?", n(i)));
                }
                for (int i = 0; i < 200; i++) {
                    long sum = transact(reads.toArray(ParameterizedStatement[]::new)).items().stream()
                            .mapToLong(item -> ((NumberValue) item.orElseThrow().get("balance")).value().longValueExact())
                            .sum();
                    if (sum != accounts * 100L) {
                        badViews.incrementAndGet();
                    }
                }
                return null;
            }));
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Item> balances = run("SELECT balance FROM Orders WHERE customer = 'bank'");
        long total = balances.stream().mapToLong(item -> ((NumberValue) item.get("balance")).value().longValueExact())
                .sum();
        assertThat(total).as("money is neither made nor lost").isEqualTo(accounts * 100L);
        assertThat(balances).allSatisfy(item ->
                assertThat(((NumberValue) item.get("balance")).value().signum()).isGreaterThanOrEqualTo(0));
        assertThat(badViews.get()).as("read transactions that saw half a transfer").isZero();
        assertThat(committed.get() + cancelled.get()).isEqualTo(threads * transfersPerThread);
        assertThat(committed.get()).isPositive();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
