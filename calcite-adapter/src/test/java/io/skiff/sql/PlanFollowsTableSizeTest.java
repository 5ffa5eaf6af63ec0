package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import io.skiff.storage.api.ItemStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cached plan follows the sizes of the tables it reads: a statement prepared over a handful of
 * items scans, and becomes an index probe once the table grew past the policy's factor (and a
 * scan again once it shrank), with the same results throughout; small changes plan nothing
 * again, and sizes are looked at no more than once per interval. Real Calcite planning over the
 * real engine; the clock of the interval is the test's.
 */
class PlanFollowsTableSizeTest extends SqlFixture {

    private static final String NEAR = "SELECT pk FROM users WHERE levenshtein(name, ?) <= 1";
    private static final String[] NAMES = {"habib", "habibs", "rabbit", "maria", "mario", "martin", "melvin"};

    private final AtomicLong clock = new AtomicLong();
    private SizeReportingStore store;
    private SqlSession following;

    @BeforeEach
    void openFollowingSession() {
        store = new SizeReportingStore();
        following = SqlEngine.over(store.proxy()).openSession(
                ReplanPolicy.DEFAULT.withInterval(TimeUnit.SECONDS.toNanos(1), clock::get));
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        update("CREATE INDEX by_name ON users USING trigram (name)");
    }

    @AfterEach
    void closeFollowingSession() {
        following.close();
    }

    private void addUsers(int from, int to) {
        List<List<Object>> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(Arrays.asList("u" + i, NAMES[i % NAMES.length] + (char) ('a' + i % 26)));
        }
        session.prepare("INSERT INTO users (pk, name) VALUES (?, ?)").executeBatch(batch);
    }

    private void tick() {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    }

    private Set<String> keys(SqlStatement statement, Object... parameters) {
        Set<String> keys = new TreeSet<>();
        rows(statement.execute(Arrays.asList(parameters))).forEach(row -> keys.add((String) row.get(0)));
        return keys;
    }

    /** The answer of a scan that no index can serve. */
    private Set<String> byScan(String target) {
        Set<String> keys = new TreeSet<>();
        rows(session.prepare("SELECT /*+ NO_INDEX */ pk FROM users WHERE levenshtein(name, ?) <= 1")
                .execute(List.of(target))).forEach(row -> keys.add((String) row.get(0)));
        return keys;
    }

    /** The plan the following session's cached EXPLAIN of {@link #NEAR} shows now. */
    private String explainNear() {
        StringBuilder plan = new StringBuilder();
        rows(following.prepare("EXPLAIN PLAN FOR " + NEAR).execute(List.of()))
                .forEach(row -> plan.append(row.get(0)).append('\n'));
        return plan.toString();
    }

    @Test
    void aScanPlannedForAFewItemsBecomesAnIndexProbeWhenTheTableGrowsAndAScanAgainWhenItShrinks() {
        addUsers(0, 10);
        ReplanningStatement near = (ReplanningStatement) following.prepare(NEAR);
        assertThat(explainNear()).doesNotContain("index probe").contains("SkiffTableScan");
        assertThat(keys(near, "habibs")).isEqualTo(byScan("habibs")).isNotEmpty();

        addUsers(10, 5_000);
        assertThat(keys(near, "habibs")).as("before the interval: the old plan, right").isEqualTo(byScan("habibs"));
        assertThat(near.replans()).isZero();
        tick();
        assertThat(keys(near, "maria")).isEqualTo(byScan("maria")).hasSizeGreaterThan(100);
        assertThat(near.replans()).isEqualTo(1);
        assertThat(following.prepare(NEAR)).as("the session keeps the statement it handed out").isSameAs(near);
        assertThat(explainNear()).contains("index probe: by_name (trigram) for levenshtein(name, ?0) <= 1");
        SqlStatement probing = near.current();

        // RocksDB's estimate falls only once deleted items are compacted away; the store says so here.
        store.reportedItems.set(10);
        tick();
        assertThat(keys(near, "melvin")).isEqualTo(byScan("melvin")).isNotEmpty();
        assertThat(near.replans()).isEqualTo(2);
        assertThat(near.current()).isNotSameAs(probing);
        assertThat(explainNear()).doesNotContain("index probe").contains("SkiffTableScan");
    }

    @Test
    void smallChangesPlanNothingAgain() {
        addUsers(0, 10);
        ReplanningStatement tiny = (ReplanningStatement) following.prepare(NEAR);
        addUsers(10, 300);
        tick();
        assertThat(keys(tiny, "maria")).isEqualTo(byScan("maria"));
        assertThat(tiny.replans()).as("below the floor of 1,000 items before and after").isZero();

        addUsers(300, 2_000);
        tick();
        assertThat(keys(tiny, "maria")).isEqualTo(byScan("maria"));
        assertThat(tiny.replans()).as("10 to 2,000 items").isEqualTo(1);
        addUsers(2_000, 4_000);
        tick();
        assertThat(keys(tiny, "maria")).isEqualTo(byScan("maria"));
        assertThat(tiny.replans()).as("2,000 to 4,000 items (RocksDB estimates roughly) is less than four times").isEqualTo(1);
    }

    @Test
    void sizesAreAskedOncePerTablePerIntervalWhateverTheExecutions() {
        addUsers(0, 10);
        SqlStatement join = following.prepare(
                "SELECT a.pk FROM users a JOIN users b ON a.name = b.name WHERE levenshtein(a.name, ?) <= 1");
        store.sizeQuestions.set(0);
        for (int i = 0; i < 100; i++) {
            assertThat(following.prepare(join.sql())).isSameAs(join);
            join.execute(List.of("maria"));
        }
        assertThat(store.sizeQuestions.get()).isZero();
        tick();
        following.prepare(join.sql()).execute(List.of("maria"));
        assertThat(store.sizeQuestions.get()).as("one table read twice, asked once").isEqualTo(1);
    }

    @Test
    void statementsThatTakeTheKeyAtAnySizeDoNotFollowSizes() {
        assertThat(following.prepare("SELECT name FROM users WHERE pk = ?")).isNotInstanceOf(ReplanningStatement.class);
        assertThat(following.prepare("INSERT INTO users (pk, name) VALUES (?, ?), (?, ?)"))
                .isNotInstanceOf(ReplanningStatement.class);
        assertThat(following.prepare("DELETE FROM users WHERE levenshtein(name, ?) <= 1"))
                .isInstanceOf(ReplanningStatement.class);
    }

    @Test
    void aPlanThatWouldReturnOtherColumnsIsNotTaken() {
        addUsers(0, 10);
        ReplanningStatement all = (ReplanningStatement) following.prepare(
                "SELECT * FROM users WHERE levenshtein(name, ?) <= 1");
        List<io.skiff.sql.api.ColumnInfo> columns = all.columns();
        update("DROP TABLE users");
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, PRIMARY KEY (pk))");
        store.reportedItems.set(1_000_000);
        tick();
        all.fresh();
        assertThat(all.replans()).isZero();
        assertThat(all.columns()).isEqualTo(columns);
    }

    /**
     * The engine, counting how often its size is asked, and reporting a size the test chose when
     * it sets one.
     */
    private final class SizeReportingStore {
        final AtomicLong reportedItems = new AtomicLong(-1);
        final AtomicInteger sizeQuestions = new AtomicInteger();

        ItemStore proxy() {
            return (ItemStore) Proxy.newProxyInstance(ItemStore.class.getClassLoader(), new Class<?>[] {ItemStore.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("approximateItemCount")) {
                            sizeQuestions.incrementAndGet();
                            if (reportedItems.get() >= 0) {
                                return reportedItems.get();
                            }
                        }
                        try {
                            return method.invoke(engine, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
