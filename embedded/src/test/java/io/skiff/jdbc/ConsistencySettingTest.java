package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read consistency of a connection: a property, {@code SET consistency = ...} in either
 * dialect, and {@link SessionSettings}. A single engine reads its one copy either way; the
 * cluster tests show what strong reads do there.
 */
class ConsistencySettingTest {

    private static Properties consistency(String value) {
        Properties properties = new Properties();
        properties.setProperty("consistency", value);
        return properties;
    }

    @Test
    void thePropertyAndTheStatementSetItAndQueriesKeepWorking() throws SQLException {
        String url = "jdbc:skiff:mem:consistency-" + UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, consistency("STRONG"));
             Statement statement = connection.createStatement()) {
            SessionSettings settings = connection.unwrap(SessionSettings.class);
            assertThat(settings.getConsistency()).isEqualTo("strong");
            statement.execute("CREATE TABLE items (pk VARCHAR, PRIMARY KEY (pk))");
            statement.executeUpdate("INSERT INTO items (pk) VALUES ('a')");

            assertThat(statement.executeUpdate("SET consistency = 'eventual'")).isZero();
            assertThat(settings.getConsistency()).isEqualTo("eventual");
            try (ResultSet rows = statement.executeQuery("SELECT pk FROM items")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("a");
            }
            try (PreparedStatement set = connection.prepareStatement("set CONSISTENCY to strong;")) {
                assertThat(set.execute()).isFalse();
                assertThat(set.getUpdateCount()).isZero();
            }
            assertThat(settings.getConsistency()).isEqualTo("strong");
            try (Statement partiql = settings.createStatementIn("partiql")) {
                partiql.execute("SET consistency = 'eventual'");
            }
            assertThat(settings.getConsistency()).isEqualTo("eventual");
            settings.setConsistency("strong");
            try (ResultSet rows = statement.executeQuery("SELECT pk FROM items")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void aReadOnlyConnectionMayChangeIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:mem:ro-" + UUID.randomUUID());
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            statement.execute("SET consistency = 'strong'");
            assertThat(connection.unwrap(SessionSettings.class).getConsistency()).isEqualTo("strong");
        }
    }

    @Test
    void unknownValuesAreRefusedWithTheirName() throws SQLException {
        SQLException property = catchThrowableOfType(SQLException.class, () ->
                DriverManager.getConnection("jdbc:skiff:mem:bad-" + UUID.randomUUID(), consistency("linear")));
        assertThat(property.getSQLState()).isEqualTo("08001");
        assertThat(property.getMessage()).contains("consistency='linear'").contains("eventual or strong");

        try (Connection connection = DriverManager.getConnection("jdbc:skiff:mem:bad-" + UUID.randomUUID());
             Statement statement = connection.createStatement()) {
            SQLException set = catchThrowableOfType(SQLException.class, () ->
                    statement.execute("SET consistency = 'sometimes'"));
            assertThat(set.getSQLState()).isEqualTo("22023");
            assertThat(set.getMessage()).contains("'sometimes'");
            SQLException api = catchThrowableOfType(SQLException.class, () ->
                    connection.unwrap(SessionSettings.class).setConsistency("maybe"));
            assertThat(api.getSQLState()).isEqualTo("HY024");
            assertThat(connection.unwrap(SessionSettings.class).getConsistency()).isEqualTo("eventual");
        }
    }

    @Test
    void theDriverDescribesTheProperty() throws SQLException {
        var described = DriverManager.getDriver("jdbc:skiff:mem:").getPropertyInfo("jdbc:skiff:mem:", new Properties());
        assertThat(Arrays.stream(described).filter(p -> p.name.equals("consistency")).findFirst()).hasValueSatisfying(
                p -> assertThat(p.choices).containsExactly("eventual", "strong"));
    }
}
