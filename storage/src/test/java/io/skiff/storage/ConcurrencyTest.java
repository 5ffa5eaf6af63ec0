package io.skiff.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.WriteRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends EngineFixture {

    @RepeatedTest(5)
    void exactlyOneOfManyRacingConditionalPutsWins() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        try {
            for (int t = 0; t < threads; t++) {
                long age = t;
                pool.submit(() -> {
                    start.await();
                    try {
                        engine.put(PutItem.of(USERS, user("contended", age))
                                .withCondition(Condition.attributeNotExists(Path.parse("pk"))));
                        wins.incrementAndGet();
                    } catch (SkiffException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
                        conflicts.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
    }

    @Test
    void readersNeverSeeHalfABatch() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger pointChecks = new AtomicInteger();
        AtomicInteger rangeChecks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                int version = 0;
                // Write until both readers have checked many states mid-stream.
                while (!stop.get() && (version < 1000 || pointChecks.get() < 200 || rangeChecks.get() < 200)) {
                    version++;
                    engine.batchWrite(List.of(
                            WriteRequest.put(EVENTS, versioned("pair", 1, version)),
                            WriteRequest.put(EVENTS, versioned("pair", 2, version)),
                            WriteRequest.put(USERS, user("mirror", version))));
                }
                return version;
            });
            Future<Integer> pointReader = pool.submit(() -> {
                while (!writer.isDone()) {
                    List<Optional<Item>> items = engine.batchGet(List.of(GetItem.of(EVENTS, key("pair", 1)),
                            GetItem.of(EVENTS, key("pair", 2)), GetItem.of(USERS, key("mirror"))));
                    if (items.get(0).isPresent()) {
                        AttributeValue version = items.get(0).get().get("version");
                        assertThat(items.get(1).orElseThrow().get("version")).isEqualTo(version);
                        assertThat(items.get(2).orElseThrow().get("age")).isEqualTo(version);
                        pointChecks.incrementAndGet();
                    }
                }
                return pointChecks.get();
            });
            Future<Integer> rangeReader = pool.submit(() -> {
                while (!writer.isDone()) {
                    Page page = engine.query(Query.partition(EVENTS, AttributeValue.s("pair")));
                    if (!page.items().isEmpty()) {
                        assertThat(page.items()).hasSize(2);
                        assertThat(page.items().get(0).get("version")).isEqualTo(page.items().get(1).get("version"));
                        rangeChecks.incrementAndGet();
                    }
                }
                return rangeChecks.get();
            });
            assertThat(writer.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1000);
            assertThat(pointReader.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(200);
            assertThat(rangeReader.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(200);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private static Item versioned(String pk, long sk, int version) {
        return Item.builder().s("pk", pk).n("sk", sk).n("version", version).build();
    }
}
