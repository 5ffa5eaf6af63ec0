package io.skiff.sql;

import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.api.GetItem;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attributes a table does not declare can be written and read like columns. */
class UndeclaredAttributesTest extends SqlFixture {

    @BeforeEach
    void createTable() {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
    }

    private Item stored(String pk) {
        return engine.get(GetItem.of("users", Item.builder().s("pk", pk).build())).orElseThrow();
    }

    @Test
    void insertMayNameUndeclaredAttributes() {
        assertThat(update("INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3), "
                + "('u2', 'Bo', 'Rio', 7)")).isEqualTo(2);
        assertThat(stored("u1")).isEqualTo(Item.builder().s("pk", "u1").s("name", "Ova").s("city", "Santos")
                .n("visits", 3).build());
        assertThat(query("SELECT name, city FROM users WHERE visits > 5")).containsExactly(List.of("Bo", "Rio"));
        assertThat(query("SELECT * FROM users WHERE pk = 'u2'")).containsExactly(
                List.of("u2", "Bo", Map.of("city", "Rio", "visits", new BigDecimal(7))));
    }

    @Test
    void preparedInsertsBindUndeclaredAttributes() {
        SqlStatement insert = session.prepare("INSERT INTO users (pk, tags, address) VALUES (?, ?, ?)");
        insert.execute(Arrays.asList("u1", List.of("a", "b"), Map.of("city", "Santos")));
        assertThat(stored("u1").get("tags")).isEqualTo(AttributeValue.l(AttributeValue.s("a"), AttributeValue.s("b")));
        assertThat(query("SELECT address['city'], address.city, tags[2] FROM users"))
                .containsExactly(List.of("Santos", "Santos", "b"));
    }

    @Test
    void updateMaySetAndRemoveUndeclaredAttributes() {
        update("INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3)");
        assertThat(update("UPDATE users SET city = 'Rio', visits = visits + 1 WHERE pk = 'u1'")).isEqualTo(1);
        assertThat(stored("u1")).isEqualTo(Item.builder().s("pk", "u1").s("name", "Ova").s("city", "Rio")
                .n("visits", 4).build());
        assertThat(update("UPDATE users SET city = NULL WHERE city = 'Rio'")).isEqualTo(1);
        assertThat(stored("u1").has("city")).isFalse();
        assertThat(update("DELETE FROM users WHERE visits = 4")).isEqualTo(1);
        assertThat(query("SELECT pk FROM users")).isEmpty();
    }

    @Test
    void joinConditionsAndCorrelatedSubQueriesNameUndeclaredAttributes() {
        update("INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3), ('u2', 'Bo', 'Rio', 7)");
        update("CREATE TABLE towns (town VARCHAR, PRIMARY KEY (town))");
        update("INSERT INTO towns (town, country, minVisits) VALUES ('Rio', 'BR', 5), ('Lima', 'PE', 1)");
        assertThat(query("SELECT u.name, t.country FROM users u JOIN towns t ON t.town = u.city"))
                .containsExactly(List.of("Bo", "BR"));
        // t.minVisits and u.visits belong to the enclosing query, not to the sub-query's table.
        assertThat(query("SELECT t.town FROM towns t WHERE EXISTS"
                + " (SELECT 1 FROM users u WHERE u.city = t.town AND u.visits >= t.minVisits)"))
                .containsExactly(List.of("Rio"));
        assertThat(query("SELECT u.name FROM users u WHERE u.visits > (SELECT MIN(t.minVisits) FROM towns t"
                + " WHERE t.town = u.city)")).containsExactly(List.of("Bo"));
    }
}
