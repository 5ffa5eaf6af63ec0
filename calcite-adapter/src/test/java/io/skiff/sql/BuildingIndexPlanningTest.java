package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlSession;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An index is planned only once it is built: while its build is paused midway (the gated test
 * plugin, behaving as a trigram index), statements scan and their writes go on; once the build
 * ends, the same statement is planned on the index and answers what a scan answers.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BuildingIndexPlanningTest extends SqlFixture {

    private static final int ROWS = 2000;
    private static final DistanceOperator LEVENSHTEIN = DistanceOperators.load().find("levenshtein").orElseThrow();
    private static final String[] STEMS = {"habib", "habibs", "habit", "rabbit", "hobbit", "maria", "mario"};
    private static final String NEAR_HABIBS = "SELECT pk FROM users WHERE levenshtein(name, 'habibs') <= 1";

    private Set<String> keys(String sql) {
        Set<String> keys = new TreeSet<>();
        query(sql).forEach(row -> keys.add((String) row.get(0)));
        return keys;
    }

    private Set<String> nearHabibsByScan() {
        Set<String> keys = new TreeSet<>();
        for (List<Object> row : query("SELECT pk, name FROM users")) {
            if (LEVENSHTEIN.distance(new StringValue((String) row.get(1)), new StringValue("habibs")).orElseThrow()
                    <= 1) {
                keys.add((String) row.get(0));
            }
        }
        return keys;
    }

    @Test
    void statementsScanWhileTheIndexIsBuiltAndUseItOnceItIsReady() throws Exception {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Arrays.asList("u" + i, STEMS[i % STEMS.length] + (char) ('a' + i % 26)));
        }
        session.prepare("INSERT INTO users (pk, name) VALUES (?, ?)").executeBatch(rows);

        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(700);
             SqlSession other = SqlEngine.over(engine).openSession()) {
            CompletableFuture<Long> creating = CompletableFuture.supplyAsync(() -> ((SqlResult.UpdateCount) other
                    .prepare("CREATE INDEX by_name ON users USING gated (name) WITH (delegate = 'trigram')")
                    .execute(List.of())).count());
            gate.awaitPause();

            assertThat(explain(NEAR_HABIBS)).doesNotContain("index probe");
            assertThat(update("INSERT INTO users (pk, name) VALUES ('new', 'habib')")).isEqualTo(1);
            assertThat(update("UPDATE users SET name = 'habibs' WHERE pk = 'u1'")).isEqualTo(1);
            assertThat(update("DELETE FROM users WHERE pk = 'u0'")).isEqualTo(1);
            assertThat(keys(NEAR_HABIBS)).contains("new", "u1").isEqualTo(nearHabibsByScan());

            gate.close();
            assertThat(creating.get()).isEqualTo(ROWS);
        }
        assertThat(explain(NEAR_HABIBS)).contains("index probe: by_name (gated)");
        assertThat(keys(NEAR_HABIBS)).contains("new", "u1").isEqualTo(nearHabibsByScan())
                .isEqualTo(keys("SELECT /*+ NO_INDEX */ pk FROM users WHERE levenshtein(name, 'habibs') <= 1"));
    }
}
