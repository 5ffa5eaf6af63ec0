package io.skiff.sql;

import io.skiff.sql.api.SqlStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DmlTest extends SqlFixture {

    @BeforeEach
    void createTables() {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, PRIMARY KEY (pk))");
    }

    @Test
    void insertedRowsReadBackAndSurviveReopen() {
        assertThat(update("INSERT INTO users (pk, name, age) VALUES ('u1', 'Ova', 31), ('u2', 'Bo', 25)")).isEqualTo(2);
        engine.put(io.skiff.storage.api.PutItem.of("users", io.skiff.core.value.Item.builder().s("pk", "u3")
                .s("name", "Cy").s("city", "Rio").build()));
        reopen();
        assertThat(query("SELECT pk, name, age FROM users ORDER BY pk")).containsExactly(
                List.of("u1", "Ova", new BigDecimal(31)), List.of("u2", "Bo", new BigDecimal(25)),
                java.util.Arrays.asList("u3", "Cy", null));
        assertThat(query("SELECT city FROM users WHERE pk = 'u3'")).containsExactly(List.of("Rio"));
    }

    @Test
    void aMultiRowInsertMayLeaveAnUndeclaredAttributeOutWithNull() {
        assertThat(update("INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3), "
                + "('u3', 'Cy', NULL, 7), ('u4', 'Di', NULL, NULL)")).isEqualTo(3);

        assertThat(query("SELECT pk, _doc FROM users ORDER BY pk")).containsExactly(
                List.of("u1", Map.of("city", "Santos", "visits", new BigDecimal(3))),
                List.of("u3", Map.of("visits", new BigDecimal(7))),
                List.of("u4", Map.of()));
    }

    @Test
    void insertingAnExistingKeyFailsAndWritesNothing() {
        update("INSERT INTO users (pk, name) VALUES ('u1', 'Ova')");
        var e = failure(ErrorCode.DUPLICATE_ITEM,
                () -> update("INSERT INTO users (pk, name) VALUES ('u9', 'New'), ('u1', 'Again')"));
        assertThat(e.sqlState()).isEqualTo("23505");
        var twice = failure(ErrorCode.DUPLICATE_ITEM,
                () -> update("INSERT INTO users (pk, name) VALUES ('u7', 'New'), ('u8', 'New'), ('u7', 'Again')"));
        assertThat(twice.sqlState()).isEqualTo("23505");
        assertThat(twice.getMessage()).contains("u7").contains("twice");
        assertThat(query("SELECT pk, name FROM users ORDER BY pk")).containsExactly(List.of("u1", "Ova"));
    }

    @Test
    void insertSelectCopiesRows() {
        update("INSERT INTO users (pk, name, age) VALUES ('u1', 'Ova', 31), ('u2', 'Bo', 25)");
        update("CREATE TABLE archive (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        assertThat(update("INSERT INTO archive (pk, name) SELECT pk, name FROM users WHERE age > 30")).isEqualTo(1);
        assertThat(query("SELECT pk, name FROM archive")).containsExactly(List.of("u1", "Ova"));
    }

    @Test
    void updateChangesMatchedRowsAndCountsThem() {
        update("INSERT INTO users (pk, name, age) VALUES ('u1', 'Ova', 31), ('u2', 'Bo', 25), ('u3', 'Cy', 40)");
        assertThat(update("UPDATE users SET age = age + 1 WHERE age > 30")).isEqualTo(2);
        assertThat(update("UPDATE users SET name = 'Ovã' WHERE pk = 'u1'")).isEqualTo(1);
        assertThat(update("UPDATE users SET name = 'nobody' WHERE pk = 'zz'")).isZero();
        assertThat(query("SELECT pk, name, age FROM users ORDER BY pk")).containsExactly(
                List.of("u1", "Ovã", new BigDecimal(32)), List.of("u2", "Bo", new BigDecimal(25)),
                List.of("u3", "Cy", new BigDecimal(41)));
        assertThat(explain("UPDATE users SET name = 'x' WHERE pk = 'u1'")).contains("point get");
    }

    @Test
    void updatingAKeyColumnIsRejectedAndChangesNothing() {
        update("INSERT INTO users (pk, name) VALUES ('u1', 'Ova')");
        var e = failure(ErrorCode.VALIDATION_ERROR, () -> update("UPDATE users SET pk = 'u2' WHERE pk = 'u1'"));
        assertThat(e.getMessage()).contains("'pk'").contains("key");
        assertThat(query("SELECT pk, name FROM users")).containsExactly(List.of("u1", "Ova"));
    }

    @Test
    void deleteRemovesMatchedRowsAndCountsThem() {
        update("INSERT INTO users (pk, name, age) VALUES ('u1', 'Ova', 31), ('u2', 'Bo', 25), ('u3', 'Cy', 40)");
        assertThat(update("DELETE FROM users WHERE pk = 'u2'")).isEqualTo(1);
        assertThat(update("DELETE FROM users WHERE pk = 'u2'")).isZero();
        assertThat(update("DELETE FROM users WHERE age > 35")).isEqualTo(1);
        assertThat(query("SELECT pk FROM users")).containsExactly(List.of("u1"));
    }

    @Test
    void tablesWithoutAPrimaryKeyGetAGeneratedKey() {
        update("CREATE TABLE logs (msg VARCHAR)");
        assertThat(update("INSERT INTO logs (msg) VALUES ('a'), ('b')")).isEqualTo(2);
        List<List<Object>> rows = query("SELECT _id, msg FROM logs ORDER BY msg");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(0)).isNotEqualTo(rows.get(1).get(0));
        assertThat(rows.get(0).get(1)).isEqualTo("a");
    }

    @Test
    void aBatchOfExecutionsCommitsAllOrNothing() {
        SqlStatement insert = session.prepare("INSERT INTO users (pk, name) VALUES (?, ?)");
        assertThat(insert.executeBatch(List.of(List.of("b1", "One"), List.of("b2", "Two"), List.of("b3", "Three"))))
                .containsExactly(1, 1, 1);
        var e = failure(ErrorCode.DUPLICATE_ITEM, () -> insert.executeBatch(
                List.of(List.of("b4", "Four"), List.of("b2", "Again"))));
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(query("SELECT pk FROM users ORDER BY pk")).containsExactly(List.of("b1"), List.of("b2"),
                List.of("b3"));
    }

    @Test
    void singleRowInsertsOfLiteralsAndParametersWriteWhatThePlannedPathWrites() {
        update("INSERT INTO users (pk, name, age, vip, note) VALUES ('d1', 'Ova', 31, TRUE, NULL)");
        update("INSERT INTO users (pk, name, age, vip) VALUES (?, ?, ?, ?)", "d2", "Bo", 25, false);
        update("INSERT INTO users (pk, name, age, vip, note) VALUES ('d3', 'Cy', 40, TRUE, NULL), "
                + "('d4', 'Di', 22, FALSE, NULL)");
        assertThat(query("SELECT pk, name, age, vip FROM users ORDER BY pk")).containsExactly(
                List.of("d1", "Ova", new BigDecimal(31), true), List.of("d2", "Bo", new BigDecimal(25), false),
                List.of("d3", "Cy", new BigDecimal(40), true), List.of("d4", "Di", new BigDecimal(22), false));
        assertThat(query("SELECT _doc FROM users WHERE pk = 'd1'")).containsExactly(List.of(Map.of("vip", true)));
        failure(ErrorCode.DUPLICATE_ITEM, () -> update("INSERT INTO users (pk, name) VALUES (?, ?)", "d2", "x"));
        failure(ErrorCode.VALIDATION_ERROR, () -> update("INSERT INTO users (pk, name) VALUES (?, ?)", "d5", 7));
        assertThat(query("SELECT COUNT(*) FROM users")).containsExactly(List.of(4L));
    }

    @Test
    void preparedInsertsTakeParameters() {
        SqlStatement insert = session.prepare("INSERT INTO users (pk, name, age) VALUES (?, ?, ?)");
        assertThat(insert.parameters()).hasSize(3);
        insert.execute(List.of("p1", "One", 1));
        insert.execute(List.of("p2", "Two", new BigDecimal("2.5")));
        assertThat(query("SELECT age FROM users WHERE pk = 'p2'")).containsExactly(List.of(new BigDecimal("2.5")));
        assertThat(query("SELECT _doc FROM users WHERE pk = 'p1'")).containsExactly(List.of(Map.of()));
    }
}
