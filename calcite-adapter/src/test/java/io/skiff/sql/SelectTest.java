package io.skiff.sql;

import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Item;
import io.skiff.storage.api.PutItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        engine.put(PutItem.of("users", Item.builder().s("pk", "u1").s("name", "Ova").n("age", 31).s("city", "Santos")
                .build()));
        engine.put(PutItem.of("users", Item.builder().s("pk", "u2").s("name", "Bo").n("age", 25).build()));
    }

    @Test
    void selectStarKeepsUndeclaredAttributesInTheDocumentColumn() {
        List<List<Object>> rows = query("SELECT * FROM users WHERE pk = 'u1'");
        assertThat(rows).containsExactly(List.of("u1", "Ova", Map.of("age", new BigDecimal(31), "city", "Santos")));
    }

    @Test
    void undeclaredAttributesCanBeNamedAndCompared() {
        assertThat(query("SELECT name, city FROM users WHERE age > 30")).containsExactly(List.of("Ova", "Santos"));
        assertThat(query("SELECT pk FROM users WHERE age < 30")).containsExactly(List.of("u2"));
    }

    @Test
    void explainShowsThePointGet() {
        assertThat(explain("SELECT name FROM users WHERE pk = 'u1'")).contains("point get: partition key = 'u1'");
        assertThat(explain("SELECT name FROM users WHERE name = 'Bo'")).contains("SkiffTableScan")
                .doesNotContain("point get");
    }

    @Test
    void onlyTheAttributesAQueryUsesAreDecoded() {
        assertThat(explain("SELECT name FROM users WHERE pk = 'u1'")).contains("decode=[[name]]");
        assertThat(explain("SELECT name, city FROM users WHERE age > 30")).contains("decode=[[age, city, name]]");
        assertThat(explain("SELECT * FROM users")).doesNotContain("decode=");
        assertThat(query("SELECT name, city FROM users WHERE age > 30")).containsExactly(List.of("Ova", "Santos"));
        assertThat(query("SELECT _doc FROM users WHERE pk = 'u2'")).containsExactly(
                List.of(Map.of("age", new BigDecimal(25))));
    }

    @Test
    void preparedPointLookupsTakeParameters() {
        SqlStatement statement = session.prepare("SELECT name FROM users WHERE pk = ?");
        assertThat(rows(statement.execute(List.of("u1")))).containsExactly(List.of("Ova"));
        assertThat(rows(statement.execute(List.of("u2")))).containsExactly(List.of("Bo"));
        assertThat(rows(statement.execute(List.of("nobody")))).isEmpty();
    }

    @Test
    void unionWithOrderByAndLimitKeepsEveryDistinctRow() {
        // Each input's first two rows are duplicates: a LIMIT pushed into the inputs of UNION
        // (Calcite 1.40's merge-union rule) returned only Rio.
        update("CREATE TABLE visits (pk VARCHAR, city VARCHAR, PRIMARY KEY (pk))");
        update("INSERT INTO visits (pk, city) VALUES ('v1', 'Rio'), ('v2', 'Rio'), ('v3', 'Rio'), ('v4', 'Santos'),"
                + " ('v5', 'Tokyo')");
        assertThat(query("SELECT city FROM visits UNION SELECT city FROM visits ORDER BY city LIMIT 2"))
                .containsExactly(List.of("Rio"), List.of("Santos"));
        assertThat(query("SELECT city FROM visits WHERE pk < 'v4' UNION SELECT city FROM visits"
                + " ORDER BY city DESC LIMIT 2 OFFSET 1")).containsExactly(List.of("Santos"), List.of("Rio"));
        assertThat(query("SELECT city FROM visits UNION ALL SELECT city FROM visits ORDER BY city LIMIT 4"))
                .containsExactly(List.of("Rio"), List.of("Rio"), List.of("Rio"), List.of("Rio"));
        assertThat(explain("SELECT city FROM visits UNION SELECT city FROM visits ORDER BY city LIMIT 2"))
                .doesNotContain("EnumerableMergeUnion");
    }
}
