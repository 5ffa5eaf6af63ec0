package io.skiff.sql;

import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent UPDATEs of one row never lose an increment: a changed row makes the loser retry. */
class ConcurrentUpdateTest extends SqlFixture {

    private static final int THREADS = 3;
    private static final int INCREMENTS = 60;

    @Test
    void incrementsFromManySessionsAllCount() throws Exception {
        update("CREATE TABLE counters (pk VARCHAR, n INTEGER, PRIMARY KEY (pk))");
        update("INSERT INTO counters (pk, n) VALUES ('c', 0)");
        SqlEngine sql = SqlEngine.over(engine);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> conflicts = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                conflicts.add(pool.submit(() -> {
                    int retries = 0;
                    try (SqlSession own = sql.openSession()) {
                        SqlStatement increment = own.prepare("UPDATE counters SET n = n + 1 WHERE pk = 'c'");
                        for (int i = 0; i < INCREMENTS; i++) {
                            while (true) {
                                try {
                                    increment.execute(List.of());
                                    break;
                                } catch (SkiffException e) {
                                    assertThat(e.code()).isEqualTo(ErrorCode.WRITE_CONFLICT);
                                    retries++;
                                }
                            }
                        }
                    }
                    return retries;
                }));
            }
            for (Future<Integer> retries : conflicts) {
                assertThat(retries.get(120, TimeUnit.SECONDS)).isNotNegative();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT n FROM counters WHERE pk = 'c'"))
                .containsExactly(List.of(new BigDecimal(THREADS * INCREMENTS)));
    }
}
