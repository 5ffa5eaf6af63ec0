package io.skiff.sql;

import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Prepared point lookups by full key skip the generated plan: they must say so, and return
 * exactly what the generated plan of the same statement returns (values, Java classes, column
 * order, errors), which a session without direct reads runs. Other shapes keep the generated
 * plan and still answer right.
 */
class DirectPointGetTest extends SqlFixture {

    private static final String USERS = "SELECT name, age, active, photo FROM users WHERE pk = ?";

    /** The same store through a session that always runs generated plans. */
    private SqlSession generatedOnly;

    @BeforeEach
    void fill() {
        generatedOnly = SqlEngine.over(engine).openSession(false);
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, active BOOLEAN, photo VARBINARY,"
                + " PRIMARY KEY (pk))");
        update("CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq))");
        update("CREATE TABLE nums (id DECIMAL, label VARCHAR, PRIMARY KEY (id))");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Santos");
        address.put("zip", Map.of("code", new BigDecimal("11010")));
        update("INSERT INTO users (pk, name, age, active, photo, city, address, tags, ratio, seen)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "u1", "Ova", 31, true, new byte[] {1, 2, 3},
                "Santos", address, List.of("a", "b"), new BigDecimal("2.50"), Set.of("x"));
        update("INSERT INTO users (pk, name) VALUES ('u2', 'Bo')");
        update("INSERT INTO events (device, seq, kind) VALUES ('d1', 1, 'odd'), ('d1', 2, 'even'), ('d2', 1, 'odd')");
        update("INSERT INTO nums (id, label) VALUES (3, 'three'), (2.5, 'two and a half')");
    }

    @AfterEach
    void closeGeneratedOnly() {
        generatedOnly.close();
    }

    /**
     * Runs a prepared query on its direct path and as generated code, asserts both give the same
     * rows (values shown with their Java classes) and returns them.
     */
    private List<List<Object>> direct(String sql, Object... parameters) {
        SqlStatement statement = session.prepare(sql);
        assertThat(statement.runsDirectly()).as("direct path of %s", sql).isTrue();
        List<List<Object>> rows = rows(statement.execute(Arrays.asList(parameters)));
        assertThat(shown(rows)).as(sql).isEqualTo(shown(generated(sql, parameters)));
        assertThat(statement.columns()).isEqualTo(generatedOnly.prepare(sql).columns());
        return rows;
    }

    private List<List<Object>> generated(String sql, Object... parameters) {
        SqlStatement statement = generatedOnly.prepare(sql);
        assertThat(statement.runsDirectly()).isFalse();
        return rows(statement.execute(Arrays.asList(parameters)));
    }

    /** Each value as class and text, so that 2.5 and 2.50, or a Long and a BigDecimal, differ. */
    private static List<List<String>> shown(List<List<Object>> rows) {
        List<List<String>> shown = new ArrayList<>();
        for (List<Object> row : rows) {
            shown.add(row.stream().map(DirectPointGetTest::shown).toList());
        }
        return shown;
    }

    private static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
        return value.getClass().getSimpleName() + ":" + text;
    }

    private List<List<Object>> notDirect(String sql, Object... parameters) {
        SqlStatement statement = session.prepare(sql);
        assertThat(statement.runsDirectly()).as("direct path of %s", sql).isFalse();
        return rows(statement.execute(Arrays.asList(parameters)));
    }

    @Test
    void declaredColumnsComeBackAsThePlanGivesThem() {
        List<List<Object>> rows = direct(USERS, "u1");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("Ova", new BigDecimal(31), true, new byte[] {1, 2, 3});
        assertThat(direct("SELECT age, name, pk, name AS again FROM users WHERE pk = ?", "u1"))
                .containsExactly(List.of(new BigDecimal(31), "Ova", "u1", "Ova"));
        assertThat(direct("SELECT * FROM users WHERE pk = ?", "u2").get(0)).containsExactly("u2", "Bo", null, null,
                null, Map.of());
    }

    @Test
    void oneStatementServesManyExecutions() {
        SqlStatement statement = session.prepare("SELECT name FROM users WHERE pk = ?");
        for (int i = 0; i < 3; i++) {
            assertThat(rows(statement.execute(List.of("u1")))).containsExactly(List.of("Ova"));
            assertThat(rows(statement.execute(List.of("u2")))).containsExactly(List.of("Bo"));
            assertThat(rows(statement.execute(List.of("nobody")))).isEmpty();
        }
    }

    @Test
    void undeclaredAttributesAndTheDocumentAreRead() {
        List<List<Object>> rows = direct("SELECT city, ratio, tags, seen, address, _doc FROM users WHERE pk = ?", "u1");
        assertThat(rows.get(0).subList(0, 5)).containsExactly("Santos", new BigDecimal("2.5"), List.of("a", "b"),
                Set.of("x"), Map.of("city", "Santos", "zip", Map.of("code", new BigDecimal(11010))));
        assertThat(((Map<String, ?>) rows.get(0).get(5)).keySet()).containsExactlyInAnyOrder("city", "address", "tags", "ratio", "seen");
        assertThat(direct("SELECT pk, _doc['city'] AS c FROM users WHERE pk = 'u1'"))
                .containsExactly(List.of("u1", "Santos"));
    }

    @Test
    void nestedItemLookupsFollowTheirKeys() {
        assertThat(direct("SELECT address.city, address.zip.code, address['zip']['code'], tags[2], tags[5]"
                + " FROM users WHERE pk = ?", "u1"))
                .containsExactly(Arrays.asList("Santos", new BigDecimal(11010), new BigDecimal(11010), "b", null));
        assertThat(direct("SELECT address.nothing.deeper FROM users WHERE pk = ?", "u1"))
                .containsExactly(Arrays.asList((Object) null));
        // A path into a value that is no map or list is NULL, on the direct path as on the generated plan.
        SqlStatement intoText = session.prepare("SELECT address.city.nothing FROM users WHERE pk = ?");
        assertThat(intoText.runsDirectly()).isTrue();
        assertThat(rows(intoText.execute(List.of("u1")))).containsExactly(Arrays.asList((Object) null));
        assertThat(generated("SELECT address.city.nothing FROM users WHERE pk = ?", "u1"))
                .containsExactly(Arrays.asList((Object) null));
    }

    @Test
    void aMissingItemIsNoRowAndAMissingAttributeIsNull() {
        assertThat(direct(USERS, "nobody")).isEmpty();
        assertThat(direct(USERS, new Object[] {null})).isEmpty();
        assertThat(direct("SELECT name, city, address.city, age FROM users WHERE pk = ?", "u2"))
                .containsExactly(Arrays.asList("Bo", null, null, null));
    }

    @Test
    void compositeKeysTakeBothKeyValuesInAnyOrder() {
        assertThat(direct("SELECT kind, seq FROM events WHERE device = ? AND seq = ?", "d1", 2))
                .containsExactly(List.of("even", new BigDecimal(2)));
        assertThat(direct("SELECT kind FROM events WHERE seq = ? AND device = ?", 1L, "d2"))
                .containsExactly(List.of("odd"));
        assertThat(direct("SELECT kind FROM events WHERE device = 'd1' AND seq = 1")).containsExactly(List.of("odd"));
        assertThat(direct("SELECT kind FROM events WHERE device = ? AND seq = ?", "d2", 2)).isEmpty();
        assertThat(direct("SELECT kind FROM events WHERE device = ? AND seq = ?", "d1", null)).isEmpty();
        assertThat(direct("SELECT label FROM nums WHERE id = ?", new BigDecimal("2.50")))
                .containsExactly(List.of("two and a half"));
        assertThat(direct("SELECT label FROM nums WHERE id = ?", 3)).containsExactly(List.of("three"));
    }

    @Test
    void aWrongTypedKeyParameterFailsAsOnThePlannedPath() {
        SqlStatement statement = session.prepare(USERS);
        assertThat(statement.runsDirectly()).isTrue();
        SkiffException direct = failure(ErrorCode.VALIDATION_ERROR, () -> statement.execute(List.of(42)));
        SkiffException planned = catchThrowableOfType(SkiffException.class, () -> generated(USERS, 42));
        assertThat(direct.getMessage()).contains("Key attribute 'pk' has type S").isEqualTo(planned.getMessage());
        assertThat(planned.code()).isEqualTo(direct.code());
        SqlStatement events = session.prepare("SELECT kind FROM events WHERE device = ? AND seq = ?");
        SkiffException sortKey = failure(ErrorCode.VALIDATION_ERROR, () -> events.execute(List.of("d1", "one")));
        assertThat(sortKey.getMessage()).contains("Key attribute 'seq' has type N");
    }

    @Test
    void droppingTheTableBetweenExecutionsIsAnErrorOnBothPaths() {
        SqlStatement statement = session.prepare(USERS);
        SqlStatement generatedCode = generatedOnly.prepare(USERS);
        assertThat(rows(statement.execute(List.of("u1")))).hasSize(1);
        update("DROP TABLE users");
        SkiffException direct = failure(ErrorCode.TABLE_NOT_FOUND, () -> statement.execute(List.of("u1")));
        SkiffException planned = catchThrowableOfType(SkiffException.class,
                () -> generatedCode.execute(List.of("u1")));
        assertThat(planned.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(direct.getMessage()).isEqualTo(planned.getMessage());
        // A new table of that name: its own items are read, never what the old one held.
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, active BOOLEAN, photo VARBINARY,"
                + " PRIMARY KEY (pk))");
        assertThat(rows(statement.execute(List.of("u1")))).isEmpty();
        update("INSERT INTO users (pk, name) VALUES ('u1', 'New')");
        assertThat(rows(statement.execute(List.of("u1")))).containsExactly(Arrays.asList("New", null, null, null));
        assertThat(rows(generatedCode.execute(List.of("u1")))).containsExactly(Arrays.asList("New", null, null, null));
    }

    @Test
    void explainStillShowsThePointGet() {
        assertThat(explain(USERS)).contains("point get: partition key = ?0")
                .contains("SkiffToEnumerableConverter(decode=[[active, age, name, photo]])");
    }

    @Test
    void otherShapesKeepTheGeneratedPlanAndAnswerRight() {
        assertThat(notDirect("SELECT name FROM users WHERE pk = ? AND age > 30", "u1")).containsExactly(List.of("Ova"));
        assertThat(notDirect("SELECT name FROM users WHERE pk = ? AND city = 'Rio'", "u1")).isEmpty();
        assertThat(notDirect("SELECT UPPER(name) FROM users WHERE pk = ?", "u1")).containsExactly(List.of("OVA"));
        assertThat(notDirect("SELECT age + 1 FROM users WHERE pk = ?", "u1")).containsExactly(List.of(new BigDecimal(32)));
        assertThat(notDirect("SELECT CAST(age AS VARCHAR) FROM users WHERE pk = ?", "u1"))
                .containsExactly(List.of("31"));
        assertThat(notDirect("SELECT 1 FROM users WHERE pk = ?", "u1")).containsExactly(List.of(1));
        assertThat(notDirect("SELECT name FROM users WHERE pk = ? LIMIT 1", "u1")).containsExactly(List.of("Ova"));
        assertThat(notDirect("SELECT name FROM users WHERE pk IN (?, ?) ORDER BY name", "u1", "u2"))
                .containsExactly(List.of("Bo"), List.of("Ova"));
        assertThat(notDirect("SELECT seq, kind FROM events WHERE device = ? ORDER BY seq", "d1"))
                .containsExactly(List.of(BigDecimal.ONE, "odd"), List.of(new BigDecimal(2), "even"));
        assertThat(notDirect("SELECT pk FROM users WHERE name = ?", "Bo")).containsExactly(List.of("u2"));
        assertThat(notDirect("SELECT COUNT(*) FROM users WHERE pk = ?", "u1")).containsExactly(List.of(1L));
    }
}
