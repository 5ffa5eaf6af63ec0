package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each access path is chosen by the planner (EXPLAIN) and returns the right rows. */
class AccessPathTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq))");
        update("CREATE TABLE files (dir VARCHAR, name VARCHAR, PRIMARY KEY (dir, name))");
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        for (String device : List.of("d1", "d2", "d3")) {
            for (int seq = 1; seq <= 10; seq++) {
                update("INSERT INTO events (device, seq, kind) VALUES (?, ?, ?)", device, seq, seq % 2 == 0 ? "even" : "odd");
            }
        }
        update("INSERT INTO files (dir, name) VALUES ('/', 'a'), ('/', 'ab'), ('/', 'abc'), ('/', 'b'), ('/x', 'ab')");
        update("INSERT INTO users (pk, name) VALUES ('u1', 'Ova'), ('u2', 'Bo'), ('u3', 'Cy')");
    }

    private List<Long> seqs(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(row -> ((BigDecimal) row.get(0)).longValueExact()).toList();
    }

    @Test
    void fullKeyEqualityIsAPointGet() {
        String sql = "SELECT seq, kind FROM events WHERE device = 'd2' AND seq = 4";
        assertThat(explain(sql)).contains("point get: partition key = 'd2', sort key = 4");
        assertThat(query(sql)).containsExactly(List.of(new BigDecimal(4), "even"));
    }

    @Test
    void partitionKeyWithSortKeyRangeIsOneRangeScan() {
        String sql = "SELECT seq FROM events WHERE device = 'd1' AND seq >= 3 AND seq <= 5 ORDER BY seq";
        assertThat(explain(sql)).contains("range scan: partition key = 'd1', sort key between 3 and 5")
                .doesNotContain("SkiffTableScan(table=[[skiff, events]])\n".replace("\n", "") + "x");
        assertThat(seqs(sql)).containsExactly(3L, 4L, 5L);
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd1' AND seq > 8 ORDER BY seq")).containsExactly(9L, 10L);
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd1' AND seq < 3 ORDER BY seq")).containsExactly(1L, 2L);
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd1' AND seq > 2 AND seq < 5 ORDER BY seq"))
                .containsExactly(3L, 4L);
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd1' AND seq BETWEEN 9 AND 20 ORDER BY seq"))
                .containsExactly(9L, 10L);
        assertThat(explain("SELECT seq FROM events WHERE device = ? AND seq > ?"))
                .contains("range scan: partition key = ?0, sort key > ?1");
        assertThat(seqs("SELECT seq FROM events WHERE device = ? AND seq > ? ORDER BY seq", "d3", 8))
                .containsExactly(9L, 10L);
    }

    @Test
    void orderBySortKeyWithLimitNeedsNoSort() {
        String ascending = "SELECT seq FROM events WHERE device = 'd2' AND seq > 3 ORDER BY seq LIMIT 2";
        assertThat(explain(ascending)).contains("range scan").doesNotContain("EnumerableSort")
                .doesNotContain("EnumerableLimitSort");
        assertThat(seqs(ascending)).containsExactly(4L, 5L);
        String descending = "SELECT seq, kind FROM events WHERE device = 'd2' ORDER BY seq DESC LIMIT 3";
        assertThat(explain(descending)).contains("descending").doesNotContain("EnumerableSort")
                .doesNotContain("EnumerableLimitSort");
        assertThat(seqs(descending)).containsExactly(10L, 9L, 8L);
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd2' ORDER BY seq DESC")).hasSize(10)
                .startsWith(10L, 9L).endsWith(1L);
        // Two partitions need a sort: with a LIMIT, one that keeps only the first rows.
        assertThat(explain("SELECT seq FROM events WHERE device IN ('d1', 'd2') ORDER BY seq LIMIT 2"))
                .contains("EnumerableLimitSort");
    }

    @Test
    void crossedSortKeyBoundsSelectNothing() {
        assertThat(seqs("SELECT seq FROM events WHERE device = ? AND seq >= ? AND seq <= ?", "d1", 5, 3)).isEmpty();
        assertThat(seqs("SELECT seq FROM events WHERE device = 'd1' AND seq BETWEEN 7 AND 2")).isEmpty();
        assertThat(seqs("SELECT seq FROM events WHERE device = ? AND seq >= ? AND seq <= ?", "d1", 3, 3))
                .containsExactly(3L);
    }

    @Test
    void orderByASortKeyTheSelectListLeavesOutStillNeedsNoSort() {
        String sql = "SELECT kind FROM events WHERE device = ? ORDER BY seq DESC LIMIT 3";
        assertThat(explain(sql.replace("?", "'d1'"))).contains("descending").doesNotContain("EnumerableSort");
        assertThat(query(sql, "d1")).containsExactly(List.of("even"), List.of("odd"), List.of("even"));
        assertThat(query("SELECT kind FROM events WHERE device = ? ORDER BY seq", "d1")).hasSize(10)
                .startsWith(List.of("odd"), List.of("even"));
    }

    @Test
    void likePrefixOnAStringSortKeyIsARangeScan() {
        String sql = "SELECT name FROM files WHERE dir = '/' AND name LIKE 'ab%' ORDER BY name";
        assertThat(explain(sql)).contains("range scan: partition key = '/', sort key begins with 'ab'");
        assertThat(query(sql)).containsExactly(List.of("ab"), List.of("abc"));
    }

    @Test
    void partitionKeyInIsAMultiGet() {
        String sql = "SELECT pk, name FROM users WHERE pk IN ('u1', 'u3', 'nobody') ORDER BY pk";
        assertThat(explain(sql)).contains("multi-get: partition key in (");
        assertThat(query(sql)).containsExactly(List.of("u1", "Ova"), List.of("u3", "Cy"));
        assertThat(seqs("SELECT seq FROM events WHERE device IN ('d1', 'd3') AND seq = 2")).containsExactly(2L, 2L);
    }

    @Test
    void anythingElseIsAFullScanWithTheFilterOnTop() {
        String sql = "SELECT pk FROM users WHERE name = 'Bo'";
        assertThat(explain(sql)).contains("SkiffTableScan").doesNotContain("SkiffAccess");
        assertThat(query(sql)).containsExactly(List.of("u2"));
        assertThat(seqs("SELECT seq FROM events WHERE kind = 'even' AND seq > 8")).containsExactly(10L, 10L, 10L);
    }

    @Test
    void residualConditionsStillApplyOnTopOfAnAccessPath() {
        String sql = "SELECT seq FROM events WHERE device = 'd1' AND kind = 'odd' AND seq <= 5 ORDER BY seq";
        assertThat(explain(sql)).contains("range scan");
        assertThat(seqs(sql)).containsExactly(1L, 3L, 5L);
    }

    @Test
    void sqlFeaturesWorkOverSkiffTables() {
        assertThat(query("SELECT device, COUNT(*), SUM(seq) FROM events GROUP BY device HAVING COUNT(*) > 5 "
                + "ORDER BY device")).hasSize(3).first().isEqualTo(List.of("d1", 10L, new BigDecimal(55)));
        assertThat(query("SELECT u.name, f.name FROM users u JOIN files f ON f.name = 'a' WHERE u.pk = 'u1'"))
                .containsExactly(List.of("Ova", "a"));
        assertThat(query("SELECT name FROM users WHERE pk IN (SELECT 'u2' FROM files WHERE dir = '/x')"))
                .containsExactly(List.of("Bo"));
        assertThat(query("SELECT CASE WHEN seq > 5 THEN 'late' ELSE 'early' END FROM events "
                + "WHERE device = 'd1' AND seq = 7")).containsExactly(List.of("late"));
        assertThat(query("SELECT pk FROM users UNION SELECT dir FROM files ORDER BY 1"))
                .containsExactly(List.of("/"), List.of("/x"), List.of("u1"), List.of("u2"), List.of("u3"));
        assertThat(query("SELECT name FROM users ORDER BY name DESC LIMIT 2 OFFSET 1"))
                .containsExactly(List.of("Cy"), List.of("Bo"));
    }
}
