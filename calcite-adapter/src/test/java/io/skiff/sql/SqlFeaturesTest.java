package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relational SQL that Calcite brings, run over Skiff tables: results checked by hand. */
class SqlFeaturesTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE dept (id INTEGER, name VARCHAR, PRIMARY KEY (id))");
        update("CREATE TABLE emp (id INTEGER, name VARCHAR, dept INTEGER, salary DECIMAL(10, 2), boss INTEGER, "
                + "PRIMARY KEY (id))");
        update("INSERT INTO dept (id, name) VALUES (10, 'Sales'), (20, 'Research'), (30, 'Empty')");
        update("INSERT INTO emp (id, name, dept, salary, boss) VALUES "
                + "(1, 'Ada', 20, 5000.00, NULL), "
                + "(2, 'Bo', 10, 3000.00, 1), "
                + "(3, 'Cy', 10, 3500.00, 2), "
                + "(4, 'Di', 20, NULL, 1), "
                + "(5, 'Ed', NULL, 1200.50, 3)");
    }

    /** Declared numbers come back as BigDecimal (decision 005): compare them by value. */
    private static List<Object> row(Object... values) {
        return Arrays.stream(values).map(SqlFeaturesTest::normal).toList();
    }

    private static Object normal(Object value) {
        if (value instanceof Integer i) {
            return new BigDecimal(i).stripTrailingZeros();
        }
        return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value).stripTrailingZeros();
    }

    @Override
    List<List<Object>> query(String sql, Object... parameters) {
        return super.query(sql, parameters).stream()
                .map(r -> r.stream().map(v -> v instanceof BigDecimal d ? d.stripTrailingZeros() : v).toList())
                .toList();
    }

    @Test
    void whereCombinesPredicatesWithSqlNullLogic() {
        assertThat(query("SELECT id FROM emp WHERE (dept = 10 OR salary > 4000) AND NOT name LIKE 'C%' ORDER BY id"))
                .containsExactly(row(1), row(2));
        assertThat(query("SELECT id FROM emp WHERE salary BETWEEN 1000 AND 3200 ORDER BY id"))
                .containsExactly(row(2), row(5));
        assertThat(query("SELECT id FROM emp WHERE salary = NULL")).isEmpty();
        assertThat(query("SELECT id FROM emp WHERE salary IS NULL")).containsExactly(row(4));
        assertThat(query("SELECT id FROM emp WHERE dept IS NOT DISTINCT FROM NULL")).containsExactly(row(5));
        // NOT IN over a list holding NULL is never true.
        assertThat(query("SELECT id FROM emp WHERE id NOT IN (1, NULL)")).isEmpty();
    }

    @Test
    void groupByHavingAndAggregatesIgnoreNulls() {
        assertThat(query("SELECT dept, COUNT(*), COUNT(salary), SUM(salary), MIN(name), MAX(salary) FROM emp "
                + "GROUP BY dept HAVING COUNT(*) > 1 ORDER BY dept"))
                .containsExactly(row(10, 2L, 2L, dec("6500.00"), "Bo", dec("3500.00")),
                        row(20, 2L, 1L, dec("5000.00"), "Ada", dec("5000.00")));
        assertThat(query("SELECT COUNT(DISTINCT dept), AVG(salary) FROM emp"))
                .containsExactly(row(2L, dec("3175.125")));
        assertThat(query("SELECT SUM(salary) FROM emp WHERE id > 100")).containsExactly(row((Object) null));
    }

    @Test
    void orderByLimitOffsetAndFetch() {
        assertThat(query("SELECT id FROM emp ORDER BY salary DESC NULLS LAST, id LIMIT 2 OFFSET 1"))
                .containsExactly(row(3), row(2));
        assertThat(query("SELECT id FROM emp ORDER BY salary NULLS FIRST OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY"))
                .containsExactly(row(5), row(2));
        assertThat(query("SELECT name FROM emp ORDER BY name DESC FETCH NEXT 1 ROW ONLY")).containsExactly(row("Ed"));
    }

    @Test
    void innerLeftAndSelfJoins() {
        assertThat(query("SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept = d.id ORDER BY e.id"))
                .containsExactly(row("Ada", "Research"), row("Bo", "Sales"), row("Cy", "Sales"), row("Di", "Research"));
        assertThat(query("SELECT d.name, COUNT(e.id) FROM dept d LEFT JOIN emp e ON e.dept = d.id "
                + "GROUP BY d.name ORDER BY d.name"))
                .containsExactly(row("Empty", 0L), row("Research", 2L), row("Sales", 2L));
        assertThat(query("SELECT e.name, b.name FROM emp e LEFT JOIN emp b ON e.boss = b.id ORDER BY e.id"))
                .containsExactly(row("Ada", null), row("Bo", "Ada"), row("Cy", "Bo"), row("Di", "Ada"),
                        row("Ed", "Cy"));
    }

    @Test
    void subqueriesInWhereSelectAndFrom() {
        assertThat(query("SELECT name FROM dept WHERE id IN (SELECT dept FROM emp WHERE salary > 3200) ORDER BY name"))
                .containsExactly(row("Research"), row("Sales"));
        assertThat(query("SELECT d.name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept = d.id)"))
                .containsExactly(row("Empty"));
        assertThat(query("SELECT name, (SELECT MAX(salary) FROM emp e WHERE e.dept = d.id) FROM dept d ORDER BY id"))
                .containsExactly(row("Sales", dec("3500.00")), row("Research", dec("5000.00")), row("Empty", null));
        assertThat(query("SELECT t.dept, t.total FROM (SELECT dept, SUM(salary) AS total FROM emp GROUP BY dept) t "
                + "WHERE t.total > 6000"))
                .containsExactly(row(10, dec("6500.00")));
        assertThat(query("SELECT name FROM emp WHERE salary > (SELECT AVG(salary) FROM emp) ORDER BY name"))
                .containsExactly(row("Ada"), row("Cy"));
    }

    @Test
    void correlatedSubqueriesSeeTheOuterQuerysTablesAndAttributes() {
        update("UPDATE dept SET site = 'north' WHERE id = 10");
        update("UPDATE dept SET site = 'south' WHERE id = 20");
        update("UPDATE emp SET site = 'north' WHERE id IN (2, 4)");

        // d.site is an undeclared attribute of the outer table, named inside the subquery.
        assertThat(query("SELECT d.name FROM dept d WHERE EXISTS "
                + "(SELECT 1 FROM emp e WHERE e.dept = d.id AND e.site = d.site) ORDER BY d.name"))
                .containsExactly(row("Sales"));
        // An unqualified name declared only by the outer table refers to it.
        assertThat(query("SELECT e.name FROM emp e WHERE salary > "
                + "(SELECT AVG(salary) FROM emp WHERE dept = e.dept) ORDER BY e.name"))
                .containsExactly(row("Cy"));
        // An undeclared name in a subquery belongs to the subquery's own table.
        assertThat(query("SELECT name FROM dept WHERE id IN (SELECT dept FROM emp WHERE site = 'north') "
                + "ORDER BY name"))
                .containsExactly(row("Research"), row("Sales"));
        assertThat(update("DELETE FROM emp WHERE EXISTS (SELECT 1 FROM dept d WHERE d.id = emp.dept "
                + "AND d.site = 'south')")).isEqualTo(2);
        assertThat(query("SELECT id FROM emp ORDER BY id")).containsExactly(row(2), row(3), row(5));
    }

    @Test
    void setOperations() {
        assertThat(query("SELECT dept FROM emp WHERE dept IS NOT NULL UNION SELECT id FROM dept ORDER BY 1"))
                .containsExactly(row(10), row(20), row(30));
        assertThat(query("SELECT dept FROM emp WHERE dept = 10 UNION ALL SELECT id FROM dept WHERE id = 10"))
                .hasSize(3);
        assertThat(query("SELECT id FROM dept INTERSECT SELECT dept FROM emp")).containsExactlyInAnyOrder(row(10),
                row(20));
        assertThat(query("SELECT id FROM dept EXCEPT SELECT dept FROM emp")).containsExactly(row(30));
    }

    @Test
    void caseCoalesceAndNullif() {
        assertThat(query("SELECT id, CASE WHEN salary >= 3500 THEN 'high' WHEN salary IS NULL THEN 'unknown' "
                + "ELSE 'low' END, COALESCE(dept, 0), NULLIF(boss, 1) FROM emp ORDER BY id"))
                .containsExactly(row(1, "high", 20, null), row(2, "low", 10, null), row(3, "high", 10, 2),
                        row(4, "unknown", 20, null), row(5, "low", 0, 3));
    }

    @Test
    void windowFunctions() {
        assertThat(query("SELECT name, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY salary DESC) FROM emp "
                + "WHERE dept = 10 ORDER BY name"))
                .containsExactly(row("Bo", 2L), row("Cy", 1L));
    }
}
