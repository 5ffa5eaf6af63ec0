package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeType;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.RoutingKey;
import io.skiff.sql.api.SqlSession;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A prepared statement names the marker holding its one partition key exactly when every
 * execution touches one partition, in both dialects: clients route executions by it.
 */
class RoutingKeyTest extends SqlFixture {

    @BeforeEach
    void tables() {
        update("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        update("CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq))");
        update("CREATE TABLE nums (id DECIMAL, label VARCHAR, PRIMARY KEY (id))");
    }

    private Optional<RoutingKey> sql(String text) {
        return session.prepare(text).routingKey();
    }

    @Test
    void sqlStatementsKeyedByOneMarkedPartition() {
        assertThat(sql("INSERT INTO users (name, pk) VALUES (?, ?)"))
                .contains(new RoutingKey("users", 1, AttributeType.S));
        assertThat(sql("UPDATE users SET name = ? WHERE pk = ?")).contains(new RoutingKey("users", 1, AttributeType.S));
        assertThat(sql("DELETE FROM events WHERE device = ? AND seq = ?"))
                .contains(new RoutingKey("events", 0, AttributeType.S));
        assertThat(sql("SELECT kind FROM events WHERE seq > ? AND device = ?"))
                .contains(new RoutingKey("events", 1, AttributeType.S));
        assertThat(sql("SELECT label FROM nums WHERE id = ?")).contains(new RoutingKey("nums", 0, AttributeType.N));
    }

    @Test
    void sqlStatementsOverManyOrUnmarkedPartitionsHaveNone() {
        assertThat(sql("INSERT INTO users (pk, name) VALUES ('u1', ?)")).isEmpty();
        assertThat(sql("INSERT INTO users (pk, name) VALUES (?, 'a'), (?, 'b')")).isEmpty();
        assertThat(sql("INSERT INTO users (pk, name) SELECT device, kind FROM events WHERE device = ?")).isEmpty();
        assertThat(sql("UPDATE users SET name = ? WHERE name = ?")).isEmpty();
        assertThat(sql("SELECT * FROM users WHERE pk IN (?, ?)")).isEmpty();
        assertThat(sql("SELECT * FROM users")).isEmpty();
        assertThat(sql("SELECT u.name FROM users u JOIN events e ON u.pk = e.device WHERE u.pk = ?")).isEmpty();
        assertThat(sql("CREATE TABLE t (k VARCHAR, PRIMARY KEY (k))")).isEmpty();
    }

    @Test
    void partiqlStatementsKeyedByOneMarkedPartition() {
        try (SqlSession partiql = SqlEngine.over(engine).openSession(Dialect.PARTIQL)) {
            assertThat(partiql.prepare("INSERT INTO users VALUE {'name': ?, 'pk': ?}").routingKey())
                    .contains(new RoutingKey("users", 1, AttributeType.S));
            assertThat(partiql.prepare("UPDATE users SET name = ? WHERE pk = ?").routingKey())
                    .contains(new RoutingKey("users", 1, AttributeType.S));
            assertThat(partiql.prepare("DELETE FROM events WHERE device = ? AND seq = 1").routingKey())
                    .contains(new RoutingKey("events", 0, AttributeType.S));
            assertThat(partiql.prepare("SELECT * FROM nums WHERE id = ?").routingKey())
                    .contains(new RoutingKey("nums", 0, AttributeType.N));

            assertThat(partiql.prepare("SELECT * FROM users WHERE pk IN [?, ?]").routingKey()).isEmpty();
            assertThat(partiql.prepare("SELECT * FROM users WHERE name = ?").routingKey()).isEmpty();
            assertThat(partiql.prepare("UPDATE users SET name = ? WHERE pk = 'u1'").routingKey()).isEmpty();
        }
    }
}
