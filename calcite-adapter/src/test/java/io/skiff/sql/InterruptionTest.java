package io.skiff.sql;

import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements stop when cancelled or out of time, and a stopped write writes nothing. Time is a
 * counter that moves one "millisecond" each time it is read, so where a statement stops is
 * decided by the work it does, not by the speed of the machine.
 */
class InterruptionTest extends SqlFixture {

    private static final int ITEMS = 2500;

    private final AtomicLong ticks = new AtomicLong();

    @BeforeEach
    void fill() {
        update("CREATE TABLE counters (pk INTEGER, n INTEGER, PRIMARY KEY (pk))");
        SqlStatement insert = session.prepare("INSERT INTO counters (pk, n) VALUES (?, 0)");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            rows.add(List.of(i));
        }
        insert.executeBatch(rows);
    }

    /** A budget of {@code millis} reads of the ticking clock. */
    private Interruption budgetOf(long millis) {
        return Interruption.withBudget(Duration.ofMillis(millis).toNanos(),
                () -> Duration.ofMillis(ticks.incrementAndGet()).toNanos());
    }

    @Test
    void aScanThatRunsOutOfTimeStopsBetweenPages() {
        SqlStatement select = session.prepare("SELECT pk FROM counters WHERE n = 1");

        SkiffException e = failure(ErrorCode.QUERY_TIMEOUT, () -> rows(select.execute(List.of(), budgetOf(3))));

        assertThat(e.getMessage()).contains("time limit");
        assertThat(rows(select.execute(List.of(), Interruption.unlimited()))).isEmpty();
    }

    @Test
    void anUpdateThatRunsOutOfTimeWritesNothing() {
        SqlStatement update = session.prepare("UPDATE counters SET n = n + 1");

        failure(ErrorCode.QUERY_TIMEOUT, () -> update.execute(List.of(), budgetOf(3)));

        assertThat(query("SELECT COUNT(*) FROM counters WHERE n = 0")).containsExactly(List.of((long) ITEMS));
        assertThat(((SqlResult.UpdateCount) update.execute(List.of(), budgetOf(1000))).count()).isEqualTo(ITEMS);
    }

    @Test
    void aCancelledStatementStopsAtItsNextCheckAndTheNextExecutionRuns() {
        SqlStatement select = session.prepare("SELECT pk FROM counters");
        Interruption interruption = Interruption.unlimited();
        SqlResult.Rows result = (SqlResult.Rows) select.execute(List.of(), interruption);
        assertThat(result.cursor().next()).isTrue();

        interruption.cancel();

        failure(ErrorCode.QUERY_CANCELLED, () -> result.cursor().next());
        result.cursor().close();
        assertThat(rows(select.execute(List.of()))).hasSize(ITEMS);
    }

    @Test
    void aCancelledBatchWritesNothing() {
        SqlStatement insert = session.prepare("INSERT INTO counters (pk, n) VALUES (?, 0)");
        Interruption cancelled = Interruption.unlimited();
        cancelled.cancel();

        failure(ErrorCode.QUERY_CANCELLED, () -> insert.executeBatch(List.of(List.of(-1), List.of(-2)), cancelled));

        assertThat(query("SELECT COUNT(*) FROM counters")).containsExactly(List.of((long) ITEMS));
    }

    @Test
    void timeBetweenRowsIsTheApplicationsAndDoesNotCount() {
        SqlStatement select = session.prepare("SELECT pk FROM counters WHERE pk < 3");
        Interruption interruption = budgetOf(100);
        SqlResult.Rows result = (SqlResult.Rows) select.execute(List.of(), interruption);
        ticks.addAndGet(1_000_000);

        int count = 0;
        while (result.cursor().next()) {
            count++;
        }

        assertThat(count).isEqualTo(3);
    }

    @Test
    void aNegativeBudgetIsRejected() {
        SkiffException e = failure(ErrorCode.VALIDATION_ERROR, () -> Interruption.withBudget(Duration.ofSeconds(-1)));
        assertThat(e.getMessage()).contains("negative");
    }
}
