package io.skiff.jdbc.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.jdbc.SkiffErrors;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded driver with {@code dialect=partiql}: DynamoDB's statements with JDBC's results. */
class PartiqlDialectTest {

    private String url;
    private Connection sql;
    private Connection partiql;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:skiff:mem:partiql-" + UUID.randomUUID();
        sql = DriverManager.getConnection(url);
        try (Statement statement = sql.createStatement()) {
            statement.execute("CREATE TABLE Music (Artist VARCHAR, SongTitle VARCHAR, PRIMARY KEY (Artist, SongTitle))");
            statement.execute("CREATE TABLE Counters (id DECIMAL, PRIMARY KEY (id))");
        }
        partiql = DriverManager.getConnection(url, properties("partiql"));
    }

    @AfterEach
    void close() throws SQLException {
        partiql.close();
        sql.close();
    }

    private static Properties properties(String dialect) {
        Properties properties = new Properties();
        properties.setProperty("dialect", dialect);
        return properties;
    }

    private int update(String statement) throws SQLException {
        try (Statement s = partiql.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    private List<List<Object>> rows(String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = partiql.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> all = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        row.add(rows.getObject(c));
                    }
                    all.add(row);
                }
                return all;
            }
        }
    }

    @Test
    void selectStarGivesTheKeysAsTypedColumnsAndEveryOtherAttributeInDoc() throws SQLException {
        update("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Hi', 'Year': 2001, 'tags': <<'a'>>}");
        try (Statement statement = partiql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM \"Music\" WHERE Artist = 'Acme'")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertThat(meta.getColumnCount()).isEqualTo(3);
            assertThat(meta.getColumnLabel(1)).isEqualTo("Artist");
            assertThat(meta.getColumnType(1)).isEqualTo(Types.VARCHAR);
            assertThat(meta.getColumnLabel(2)).isEqualTo("SongTitle");
            assertThat(meta.getColumnLabel(3)).isEqualTo("_doc");
            assertThat(meta.getTableName(1)).isEqualTo("Music");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("Artist")).isEqualTo("Acme");
            assertThat(rows.getObject("_doc")).isEqualTo(Map.of("Year", new BigDecimal("2001"), "tags", Set.of("a")));
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aSelectListGivesOneColumnPerPathNamedByItsLastStepWithNullWhereAnItemLacksIt() throws SQLException {
        update("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'A', 'info': {'tags': ['x', 'y']}}");
        update("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'B'}");
        try (Statement statement = partiql.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT SongTitle, info.tags[1] FROM Music WHERE Artist = 'Acme' ORDER BY SongTitle")) {
            assertThat(rows.getMetaData().getColumnLabel(2)).isEqualTo("tags[1]");
            assertThat(rows.getMetaData().getColumnType(2)).isEqualTo(Types.JAVA_OBJECT);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getObject(2)).isEqualTo("y");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("B");
            assertThat(rows.getObject(2)).isNull();
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void everyPageOfALargeResultIsRead() throws SQLException {
        String filler = "x".repeat(40_000);
        try (PreparedStatement insert = partiql.prepareStatement(
                "INSERT INTO Music VALUE {'Artist': 'Big', 'SongTitle': ?, 'filler': ?}")) {
            for (int i = 0; i < 60; i++) {
                insert.setString(1, String.format("song-%03d", i));
                insert.setString(2, filler);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
        // 60 items of 40 KB are more than one 1 MB page.
        List<List<Object>> rows = rows("SELECT SongTitle FROM Music WHERE Artist = ?", "Big");
        assertThat(rows).hasSize(60);
        assertThat(rows.get(59)).containsExactly("song-059");
        assertThat(rows("SELECT SongTitle FROM Music")).hasSize(60);
    }

    @Test
    void writesCountTheItemsTheyChange() throws SQLException {
        assertThat(update("INSERT INTO Counters VALUE {'id': 1, 'n': 1}")).isEqualTo(1);
        assertThat(update("UPDATE Counters SET n = n + 1 WHERE id = 1")).isEqualTo(1);
        assertThat(update("DELETE FROM Counters WHERE id = 1")).isEqualTo(1);
        assertThat(update("DELETE FROM Counters WHERE id = 1")).isZero();
    }

    @Test
    void returningGivesTheItemAsARow() throws SQLException {
        update("INSERT INTO Counters VALUE {'id': 7, 'n': 1, 'note': 'x'}");
        assertThat(rows("UPDATE Counters SET n = n + 1 WHERE id = 7 RETURNING MODIFIED NEW *"))
                .containsExactly(java.util.Arrays.asList(null, Map.of("n", new BigDecimal(2))));
        assertThat(rows("DELETE FROM Counters WHERE id = 7 RETURNING ALL OLD *"))
                .containsExactly(List.of(new BigDecimal(7), Map.of("n", new BigDecimal(2), "note", "x")));
    }

    @Test
    void failuresHaveTheSkiffCodePositionAndSqlState() throws SQLException {
        update("INSERT INTO Counters VALUE {'id': 1}");
        SQLException duplicate = catchThrowableOfType(SQLException.class,
                () -> update("INSERT INTO Counters VALUE {'id': 1}"));
        assertThat(SkiffErrors.codeOf(duplicate)).contains(ErrorCode.DUPLICATE_ITEM);
        assertThat(duplicate.getSQLState()).isEqualTo("23505");

        SQLException syntax = catchThrowableOfType(SQLException.class,
                () -> update("UPDATE Counters\n  SETT n = 1 WHERE id = 1"));
        assertThat(SkiffErrors.codeOf(syntax)).contains(ErrorCode.SYNTAX_ERROR);
        assertThat(SkiffErrors.lineOf(syntax)).isEqualTo(2);
        assertThat(SkiffErrors.columnOf(syntax)).isEqualTo(3);

        SQLException ddl = catchThrowableOfType(SQLException.class,
                () -> update("CREATE TABLE x (a VARCHAR, PRIMARY KEY (a))"));
        assertThat(SkiffErrors.codeOf(ddl)).contains(ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void parametersTakeEveryJavaClassTheDriverBinds() throws SQLException {
        try (PreparedStatement insert = partiql.prepareStatement(
                "INSERT INTO Counters VALUE {'id': ?, 's': ?, 'b': ?, 'ok': ?, 'l': ?, 'm': ?, 'ss': ?, 'd': ?, 'z': ?}")) {
            insert.setInt(1, 5);
            insert.setString(2, "text");
            insert.setBytes(3, new byte[] {1, 2});
            insert.setBoolean(4, true);
            insert.setObject(5, List.of(1, "two"));
            insert.setObject(6, Map.of("k", "v"));
            insert.setObject(7, Set.of("a", "b"));
            insert.setDouble(8, 0.1);
            insert.setNull(9, Types.NULL);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        Map<?, ?> document = (Map<?, ?>) rows("SELECT * FROM Counters WHERE id = 5").get(0).get(1);
        assertThat(document.get("s")).isEqualTo("text");
        assertThat((byte[]) document.get("b")).containsExactly(1, 2);
        assertThat(document.get("ok")).isEqualTo(true);
        assertThat(document.get("l")).isEqualTo(List.of(BigDecimal.ONE, "two"));
        assertThat(document.get("m")).isEqualTo(Map.of("k", "v"));
        assertThat(document.get("ss")).isEqualTo(Set.of("a", "b"));
        assertThat(document.get("d")).isEqualTo(new BigDecimal("0.1"));
        assertThat(document.containsKey("z")).isTrue();
        assertThat(document.get("z")).isNull();

        SQLException notANumber = catchThrowableOfType(SQLException.class, () -> {
            try (PreparedStatement insert = partiql.prepareStatement("INSERT INTO Counters VALUE {'id': ?}")) {
                insert.setDouble(1, Double.NaN);
                insert.executeUpdate();
            }
        });
        assertThat(SkiffErrors.codeOf(notANumber)).contains(ErrorCode.VALIDATION_ERROR);
        assertThat(rows("SELECT id FROM Counters")).hasSize(1);
    }

    @Test
    void aPreparedBatchIsOneTransaction() throws SQLException {
        try (PreparedStatement insert = partiql.prepareStatement("INSERT INTO Counters VALUE {'id': ?}")) {
            for (int id = 1; id <= 3; id++) {
                insert.setInt(1, id);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).containsExactly(1, 1, 1);

            insert.setInt(1, 4);
            insert.addBatch();
            insert.setInt(1, 2); // exists already: the whole batch is cancelled
            insert.addBatch();
            BatchUpdateException failed = catchThrowableOfType(BatchUpdateException.class, insert::executeBatch);
            assertThat(SkiffErrors.codeOf(failed)).contains(ErrorCode.TRANSACTION_CANCELLED);
        }
        assertThat(rows("SELECT id FROM Counters")).hasSize(3);

        try (PreparedStatement delete = partiql.prepareStatement("DELETE FROM Counters WHERE id = ?")) {
            for (int id = 1; id <= 101; id++) {
                delete.setInt(1, id);
                delete.addBatch();
            }
            BatchUpdateException tooMany = catchThrowableOfType(BatchUpdateException.class, delete::executeBatch);
            assertThat(tooMany.getMessage()).contains("at most 100");
            assertThat(rows("SELECT id FROM Counters")).hasSize(3);

            delete.setInt(1, 1);
            delete.addBatch();
            delete.setInt(1, 9);
            delete.addBatch();
            assertThat(delete.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO);
        }
        assertThat(rows("SELECT id FROM Counters")).hasSize(2);
    }

    @Test
    void explainShowsTheAccessPathAndKeepsPositions() throws SQLException {
        List<List<Object>> plan = rows("EXPLAIN SELECT * FROM Music WHERE Artist = 'a' AND SongTitle = 'b'");
        assertThat(plan.toString()).contains("point get");
        SQLException e = catchThrowableOfType(SQLException.class, () -> rows("explain SELECT * FROM Nope"));
        assertThat(SkiffErrors.codeOf(e)).contains(ErrorCode.TABLE_NOT_FOUND);
        assertThat(SkiffErrors.columnOf(e)).isEqualTo(23);
    }

    @Test
    void anUnknownDialectIsRefusedAndTheDriverDescribesTheProperty() throws SQLException {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection(url, properties("cobol")));
        assertThat(e.getSQLState()).isEqualTo("08001");
        assertThat(e.getMessage()).contains("dialect", "sql or partiql");

        DriverPropertyInfo[] described = DriverManager.getDriver(url).getPropertyInfo(url, properties("PartiQL"));
        DriverPropertyInfo dialect = java.util.Arrays.stream(described).filter(p -> p.name.equals("dialect"))
                .findFirst().orElseThrow();
        assertThat(dialect.value).isEqualTo("PartiQL");
        assertThat(dialect.choices).containsExactly("sql", "partiql");
        try (Connection upper = DriverManager.getConnection(url, properties("PartiQL"))) {
            assertThat(upper.createStatement().executeUpdate("INSERT INTO Counters VALUE {'id': 42}")).isEqualTo(1);
        }
    }

    @Test
    void aConnectionSwitchesItsDialectAndKeepsItsDatabase() throws SQLException {
        try (Connection anonymous = DriverManager.getConnection("jdbc:skiff:mem:")) {
            io.skiff.jdbc.SessionSettings settings = anonymous.unwrap(io.skiff.jdbc.SessionSettings.class);
            assertThat(settings.getDialect()).isEqualTo("sql");
            try (Statement statement = anonymous.createStatement()) {
                statement.execute("CREATE TABLE things (k VARCHAR, PRIMARY KEY (k))");
                PreparedStatement sqlCount = anonymous.prepareStatement("SELECT COUNT(*) FROM things");
                settings.setDialect("PARTIQL");
                assertThat(settings.getDialect()).isEqualTo("partiql");
                assertThat(statement.executeUpdate("INSERT INTO things VALUE {'k': 'a', 'n': 1}")).isEqualTo(1);
                // A statement prepared before the switch keeps its dialect.
                try (ResultSet count = sqlCount.executeQuery()) {
                    assertThat(count.next()).isTrue();
                    assertThat(count.getLong(1)).isEqualTo(1);
                }
                SQLException unknown = catchThrowableOfType(SQLException.class, () -> settings.setDialect("cobol"));
                assertThat(unknown.getSQLState()).isEqualTo("HY024");
                assertThat(settings.getDialect()).isEqualTo("partiql");
                try (Statement sql = settings.createStatementIn("sql");
                     ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM things")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
                try (PreparedStatement partiqlInsert = settings.prepareStatementIn("partiql",
                        "INSERT INTO things VALUE {'k': ?}")) {
                    settings.setDialect("sql");
                    partiqlInsert.setString(1, "b");
                    assertThat(partiqlInsert.executeUpdate()).isEqualTo(1);
                }
                try (ResultSet rows = statement.executeQuery("SELECT k, n FROM things ORDER BY k")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("a");
                    assertThat(rows.getInt(2)).isEqualTo(1);
                }
            }
        }
    }
}
