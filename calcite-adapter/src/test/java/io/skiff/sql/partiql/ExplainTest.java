package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.sql.api.RowCursor;
import io.skiff.sql.SqlEngine;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlSession;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN of PartiQL statements: the planner picks the same access path as for the equivalent
 * SQL statement and names it the same way, with PartiQL's own operators above it.
 */
class ExplainTest extends PartiqlFixture {

    private static final Pattern ACCESS = Pattern.compile("access=\\[([^\\]]*)\\]");

    @BeforeEach
    void tables() {
        table("Events", "device:S", "seq:N");
        table("Users", "pk:S");
    }

    private String partiql(String statement) {
        return session.prepare(statement).explain();
    }

    private String sql(String statement) {
        StringBuilder plan = new StringBuilder();
        try (SqlSession sql = SqlEngine.over(engine).openSession()) {
            SqlResult.Rows rows = (SqlResult.Rows) sql.execute("EXPLAIN PLAN FOR " + statement);
            try (RowCursor cursor = rows.cursor()) {
                while (cursor.next()) {
                    plan.append(cursor.get(0)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static String access(String plan) {
        Matcher matcher = ACCESS.matcher(plan);
        return matcher.find() ? matcher.group(1) : "full scan";
    }

    @Test
    void accessPathsAreNamedAsInSql() {
        List<String[]> pairs = List.of(
                new String[] {"SELECT * FROM Events WHERE device = 'd2' AND seq = 4",
                        "SELECT * FROM Events WHERE device = 'd2' AND seq = 4"},
                new String[] {"SELECT * FROM Events WHERE device = 'd1' AND seq >= 3 AND seq <= 5",
                        "SELECT * FROM Events WHERE device = 'd1' AND seq >= 3 AND seq <= 5"},
                new String[] {"SELECT * FROM Events WHERE device = ? AND seq > ?",
                        "SELECT * FROM Events WHERE device = ? AND seq > ?"},
                new String[] {"SELECT * FROM Users WHERE pk IN ['u1', 'u3']",
                        "SELECT * FROM Users WHERE pk IN ('u1', 'u3')"},
                new String[] {"SELECT * FROM Events WHERE device = 'd1'",
                        "SELECT * FROM Events WHERE device = 'd1'"});
        for (String[] pair : pairs) {
            String partiql = partiql(pair[0]);
            assertThat(access(partiql)).as(pair[0]).isEqualTo(access(sql(pair[1])));
        }
        assertThat(access(partiql("SELECT * FROM Events WHERE device = 'd2' AND seq = 4")))
                .isEqualTo("point get: partition key = 'd2', sort key = 4");
        assertThat(access(partiql("SELECT * FROM Events WHERE device = 'd1' AND seq BETWEEN 3 AND 5")))
                .isEqualTo("range scan: partition key = 'd1', sort key between 3 and 5");
        assertThat(access(partiql("SELECT * FROM Users WHERE pk IN ['u1', 'u3']")))
                .isEqualTo("multi-get: partition key in ('u1', 'u3')");
    }

    @Test
    void aScanShowsTheFilterEvaluatedInStorageAndTheProjection() {
        assertThat(partiql("SELECT name, info.tags[1] FROM Users WHERE age > 30")).isEqualTo("""
                PartiqlProject(paths=[name, info.tags[1] AS 'tags[1]'])
                  PartiqlFilter(condition=[age > 30])
                    SkiffTableScan(table=[[skiff, Users]])
                """);
    }

    @Test
    void aQueryKeepsOnlyTheNonKeyConditionsInItsFilter() {
        assertThat(partiql("SELECT * FROM Events WHERE device = ? AND begins_with(kind, 'e') AND seq < 5"))
                .isEqualTo("""
                        PartiqlFilter(condition=[begins_with(kind, 'e')])
                          SkiffAccess(condition=[AND(=($0, ?0), <($1, 5))], access=[range scan: partition key = ?0, sort key < 5])
                            SkiffTableScan(table=[[skiff, Events]])
                        """);
    }

    @Test
    void orderByTheSortKeyDescendingReadsTheRangeBackwards() {
        assertThat(partiql("SELECT seq FROM Events WHERE device = 'd1' ORDER BY seq DESC"))
                .contains("range scan: partition key = 'd1', descending").doesNotContain("Sort");
        assertThat(partiql("SELECT seq FROM Events WHERE device = 'd1' AND seq > 2 ORDER BY seq"))
                .contains("range scan: partition key = 'd1', sort key > 2]").doesNotContain("descending");
    }

    @Test
    void writesShowTheirCommandOverThePointGetOfTheirItem() {
        assertThat(partiql("UPDATE Events SET n = n + 1 REMOVE old WHERE device = 'd1' AND seq = ? AND n < 10"
                + " RETURNING ALL NEW *")).isEqualTo("""
                PartiqlUpdate(table=[Events], key=[device = 'd1' AND seq = ?], condition=[item exists AND n < 10], \
                actions=[SET n = n + 1, REMOVE old], returning=[ALL NEW *])
                  SkiffAccess(condition=[AND(=($0, 'd1'), =($1, ?0))], access=[point get: partition key = 'd1', sort key = ?0])
                    SkiffTableScan(table=[[skiff, Events]])
                """);
        assertThat(partiql("DELETE FROM Users WHERE pk = 'u1' AND (a = 1 OR b = 2)")).startsWith(
                "PartiqlDelete(table=[Users], key=[pk = 'u1'], condition=[item absent OR a = 1 OR b = 2])\n"
                        + "  SkiffAccess(").contains("point get: partition key = 'u1'");
        assertThat(partiql("INSERT INTO Users VALUE {'pk': ?, 'n': 1}")).isEqualTo(
                "PartiqlInsert(table=[Users], item=[{'pk': ?, 'n': 1}], condition=[no item has its key])\n");
        assertThat(partiql("NOT EXISTS(SELECT * FROM Users WHERE pk = 'u1' AND n > 1)")).startsWith(
                "PartiqlConditionCheck(table=[Users], key=[pk = 'u1'], condition=[NOT (item exists AND n > 1)])");
    }

    @Test
    void keysThatSqlCannotWriteAsLiteralsBecomeHiddenParameters() {
        table("Counters", "id:N");
        assertThat(access(partiql("SELECT * FROM Counters WHERE id = 1.5e100")))
                .isEqualTo("point get: partition key = ?0");
        assertThat(access(partiql("SELECT * FROM Counters WHERE id = 12.50")))
                .isEqualTo("point get: partition key = 12.5");
        assertThat(access(partiql("SELECT * FROM Users WHERE pk = 'żółw'")))
                .isIn("point get: partition key = 'żółw'", "point get: partition key = ?0");
    }
}
