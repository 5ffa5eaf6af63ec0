package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static io.skiff.jdbc.ScriptedSession.column;
import static io.skiff.jdbc.ScriptedSession.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.sql.api.SqlStatement.Kind;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest extends JdbcFixture {

    static final String FIND = "SELECT pk, n FROM items WHERE pk = ?";
    static final String PUT_ONE = "INSERT INTO items VALUE {'pk': ?}";
    static final String PUT_TWO = "UPDATE items SET a = ? WHERE pk = ?";
    static final String PUT_MANY = "INSERT INTO items VALUE {?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?}";

    @BeforeEach
    void script() {
        session.query(FIND, List.of(varchar("pk"), column("n", Types.DECIMAL, "DECIMAL")),
                        List.of(List.of("a", BigDecimal.ONE)))
                .update(PUT_ONE, Kind.DML, 1)
                .update(PUT_TWO, Kind.DML, 1)
                .update(PUT_MANY, Kind.DML, 1);
    }

    /** The values the session received for the last execution of {@code sql}. */
    private List<Object> lastParameters(String sql) {
        List<List<Object>> all = session.parametersOf(sql);
        return all.get(all.size() - 1);
    }

    @Test
    void theStatementIsPreparedOnceAndRunManyTimes() throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            assertThat(session.prepared).containsExactly(FIND);
            for (String pk : List.of("a", "b", "c")) {
                find.setString(1, pk);
                try (ResultSet rows = find.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getStatement()).isSameAs(find);
                }
            }
            assertThat(session.prepared).containsExactly(FIND);
            assertThat(session.parametersOf(FIND)).containsExactly(List.of("a"), List.of("b"), List.of("c"));
        }
    }

    @Test
    void settersHandTheEngineItsValueClasses() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_MANY)) {
            put.setString(1, "text");
            put.setInt(2, 7);
            put.setLong(3, 8L);
            put.setShort(4, (short) 9);
            put.setByte(5, (byte) 10);
            put.setBigDecimal(6, new BigDecimal("12.50"));
            put.setDouble(7, 1.5);
            put.setFloat(8, 0.1f);
            put.setBoolean(9, true);
            put.setBytes(10, new byte[] {1, 2});
            put.setNull(11, Types.VARCHAR);
            put.setNString(12, "n");
            assertThat(put.executeUpdate()).isEqualTo(1);
        }
        List<Object> values = lastParameters(PUT_MANY);
        assertThat(values).hasSize(12);
        assertThat(values.subList(0, 9)).containsExactly("text", 7, 8L, 9, 10, new BigDecimal("12.50"), 1.5, 0.1, true);
        assertThat((byte[]) values.get(9)).containsExactly(1, 2);
        assertThat(values.get(10)).isNull();
        assertThat(values.get(11)).isEqualTo("n");
    }

    @Test
    void setObjectTakesDocumentsAndNormalisesNumbers() throws SQLException {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Santos");
        address.put("floor", (short) 3);
        address.put("tags", new LinkedHashSet<>(List.of("a", "b")));
        address.put("rooms", List.of(1.5f, new BigInteger("12345678901234567890")));
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            put.setObject(1, address);
            put.setObject(2, "USER#1");
            put.executeUpdate();

            put.setObject(1, Set.of("x"));
            put.setObject(2, new byte[] {7});
            put.executeUpdate();

            put.setObject(1, (byte) 1);
            put.setObject(2, null);
            put.executeUpdate();
        }
        List<List<Object>> runs = session.parametersOf(PUT_TWO);
        @SuppressWarnings("unchecked")
        Map<String, Object> bound = (Map<String, Object>) runs.get(0).get(0);
        assertThat(bound).containsExactly(Map.entry("city", "Santos"), Map.entry("floor", 3),
                Map.entry("tags", new LinkedHashSet<>(List.of("a", "b"))),
                Map.entry("rooms", List.of(1.5, new BigDecimal("12345678901234567890"))));
        assertThat(runs.get(0).get(1)).isEqualTo("USER#1");
        assertThat(runs.get(1).get(0)).isEqualTo(Set.of("x"));
        assertThat((byte[]) runs.get(1).get(1)).containsExactly(7);
        assertThat(runs.get(2)).containsExactly(1, null);
    }

    @Test
    void boundValuesAreCopiesTheCallerCannotChangeAfterwards() throws SQLException {
        byte[] bytes = {1, 2, 3};
        Map<String, Object> document = new HashMap<>(Map.of("a", "before"));
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            put.setBytes(1, bytes);
            put.setObject(2, document);
            put.addBatch();
            bytes[0] = 99;
            document.put("a", "after");
            put.executeBatch();
        }
        List<Object> values = lastParameters(PUT_TWO);
        assertThat((byte[]) values.get(0)).containsExactly(1, 2, 3);
        assertThat(values.get(1)).isEqualTo(Map.of("a", "before"));
    }

    @Test
    void setObjectWithATargetTypeConverts() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            put.setObject(1, "42", Types.INTEGER);
            put.setObject(2, 12, Types.VARCHAR);
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO)).containsExactly(42, "12");

            put.setObject(1, 1.005, Types.DECIMAL, 2);
            put.setObject(2, "9000000000", JDBCType.BIGINT);
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO)).containsExactly(new BigDecimal("1.01"), 9_000_000_000L);

            put.setObject(1, "true", Types.BOOLEAN);
            put.setObject(2, "hi", Types.VARBINARY);
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO).get(0)).isEqualTo(true);
            assertThat((byte[]) lastParameters(PUT_TWO).get(1)).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));

            put.setObject(1, new BigDecimal("2.5"), Types.DECIMAL);
            put.setObject(2, List.of(1), Types.ARRAY);
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO)).containsExactly(new BigDecimal("2.5"), List.of(1));

            failsWithState("22018", () -> put.setObject(1, "forty", Types.INTEGER));
            failsWithState("22003", () -> put.setObject(1, 300, Types.TINYINT));
            assertThatThrownBy(() -> put.setObject(1, "2024-01-01", Types.DATE))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("DATE");
        }
    }

    @Test
    void valuesSkiffCannotHoldAreRefusedAtTheSetter() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            assertThatThrownBy(() -> put.setObject(1, new java.util.Date())).isInstanceOf(SQLDataException.class)
                    .hasMessageContaining("ISO-8601");
            failsWithState("22005", () -> put.setObject(1, Map.of(1, "x"))).hasMessageContaining("Map keys");
            assertThatThrownBy(() -> put.setDate(1, Date.valueOf("2024-01-01")))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("ISO-8601");
            assertThatThrownBy(() -> put.setBlob(1, new ByteArrayInputStream(new byte[0])))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("Blob");
            assertThatThrownBy(() -> put.setArray(1, null))
                    .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("java.util.List");
        }
    }

    @Test
    void streamsAreReadIntoValues() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            put.setCharacterStream(1, new StringReader("characters"), 4);
            put.setBinaryStream(2, new ByteArrayInputStream(new byte[] {1, 2, 3}));
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO).get(0)).isEqualTo("char");
            assertThat((byte[]) lastParameters(PUT_TWO).get(1)).containsExactly(1, 2, 3);

            put.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)));
            put.setBinaryStream(2, null);
            put.executeUpdate();
            assertThat(lastParameters(PUT_TWO)).containsExactly("ascii", null);
        }
    }

    @Test
    void aParameterWithoutAValueIsNamedAndNothingRuns() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            put.setString(1, "x");
            failsWithState("07001", put::executeUpdate).hasMessage("No value set for parameter 2 of 2");
            failsWithState("07001", put::addBatch);
            put.setString(2, "y");
            put.clearParameters();
            failsWithState("07001", put::execute).hasMessageContaining("parameter 1 ");
        }
        assertThat(session.executions).isEmpty();
    }

    @Test
    void parameterIndexesOutOfRangeAreRefused() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_ONE)) {
            failsWithState("07009", () -> put.setString(0, "x"));
            failsWithState("07009", () -> put.setString(2, "x")).hasMessageContaining("has 1 parameters");
        }
    }

    @Test
    void batchesRunEachSetOfValues() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_ONE)) {
            for (String pk : List.of("a", "b", "c")) {
                put.setString(1, pk);
                put.addBatch();
            }
            assertThat(put.executeBatch()).containsExactly(1, 1, 1);
            assertThat(session.parametersOf(PUT_ONE)).containsExactly(List.of("a"), List.of("b"), List.of("c"));
            assertThat(put.executeLargeBatch()).isEmpty();
            put.addBatch();
            put.clearBatch();
            assertThat(put.executeBatch()).isEmpty();
        }
    }

    @Test
    void queriesCannotBeBatched() throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, "a");
            failsWithState("07003", find::addBatch);
        }
    }

    @Test
    void executeQueryAndExecuteUpdateCheckTheKindBeforeRunning() throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND);
             PreparedStatement put = connection.prepareStatement(PUT_ONE)) {
            find.setString(1, "a");
            put.setString(1, "a");
            failsWithState("07003", find::executeUpdate);
            failsWithState("07005", put::executeQuery);
            assertThat(session.executions).isEmpty();
            assertThat(find.execute()).isTrue();
            assertThat(put.execute()).isFalse();
            assertThat(put.getUpdateCount()).isEqualTo(1);
            assertThat(put.executeLargeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void describesItsResultColumnsAndParameters() throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND);
             PreparedStatement put = connection.prepareStatement(PUT_TWO)) {
            ResultSetMetaData columns = find.getMetaData();
            assertThat(columns.getColumnCount()).isEqualTo(2);
            assertThat(columns.getColumnName(2)).isEqualTo("n");
            assertThat(columns.getColumnType(2)).isEqualTo(Types.DECIMAL);
            assertThat(columns.getColumnClassName(2)).isEqualTo(BigDecimal.class.getName());
            assertThat(put.getMetaData()).as("no rows, no columns").isNull();

            ParameterMetaData parameters = put.getParameterMetaData();
            assertThat(parameters.getParameterCount()).isEqualTo(2);
            assertThat(parameters.getParameterType(1)).isEqualTo(Types.OTHER);
            assertThat(parameters.getParameterTypeName(1)).isEqualTo("ANY");
            assertThat(parameters.getParameterMode(1)).isEqualTo(ParameterMetaData.parameterModeIn);
            assertThat(parameters.isNullable(2)).isEqualTo(ParameterMetaData.parameterNullableUnknown);
            assertThat(parameters.getParameterClassName(1)).isEqualTo(Object.class.getName());
            failsWithState("07009", () -> parameters.getParameterType(3));
        }
    }

    @Test
    void statementTextCannotBeRunThroughAPreparedStatement() throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            for (ThrowingCallable call : Arrays.<ThrowingCallable>asList(
                    () -> find.executeQuery(PUT_ONE), () -> find.execute(PUT_ONE), () -> find.executeUpdate(PUT_ONE),
                    () -> find.addBatch(PUT_ONE), () -> find.executeLargeUpdate(PUT_ONE))) {
                failsWithState("HY000", call).hasMessageContaining("createStatement");
            }
        }
        assertThat(session.executions).isEmpty();
    }

    @Test
    void closedPreparedStatementsRefuseWork() throws SQLException {
        PreparedStatement put = connection.prepareStatement(PUT_ONE);
        put.close();
        failsWithState("HY010", () -> put.setString(1, "a"));
        failsWithState("HY010", put::executeUpdate);
        failsWithState("HY010", put::isPoolable);
        assertThat(put.isClosed()).isTrue();
    }

    @Test
    void preparedStatementsArePoolableByDefault() throws SQLException {
        try (PreparedStatement put = connection.prepareStatement(PUT_ONE)) {
            assertThat(put.isPoolable()).isTrue();
        }
    }
}
