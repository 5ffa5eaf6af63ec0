package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static io.skiff.jdbc.ScriptedSession.column;
import static io.skiff.jdbc.ScriptedSession.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.sql.api.ColumnInfo;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultSetTest extends JdbcFixture {

    static final String ALL = "SELECT * FROM items";
    static final String EMPTY = "SELECT * FROM items WHERE false";
    static final String CASES = "SELECT Name, name FROM items";

    static final List<ColumnInfo> COLUMNS = List.of(
            varchar("s"),
            new ColumnInfo("n", Types.DECIMAL, "DECIMAL", false, 38, 2, "items"),
            column("flag", Types.BOOLEAN, "BOOLEAN"),
            column("bin", Types.VARBINARY, "VARBINARY"),
            column("doc", Types.OTHER, "MAP"),
            column("list", Types.ARRAY, "ARRAY"),
            column("any", Types.OTHER, "ANY"),
            column("i", Types.INTEGER, "INTEGER"),
            column("big", Types.BIGINT, "BIGINT"),
            new ColumnInfo("d", Types.DOUBLE, "DOUBLE", true, 0, 0, ""));

    static final Map<String, Object> DOC = new LinkedHashMap<>(Map.of("city", "Santos"));

    static {
        DOC.put("n", new BigDecimal("1.50"));
    }

    ResultSet rows;

    @BeforeEach
    void script() throws SQLException {
        List<Object> full = List.of("42", new BigDecimal("12.50"), true, new byte[] {104, 105}, DOC,
                List.of("a", BigDecimal.ONE), Set.of("x"), 7, 9_000_000_000L, 2.5);
        List<Object> nulls = Arrays.asList(new Object[COLUMNS.size()]);
        session.query(ALL, COLUMNS, List.of(full, nulls))
                .query(EMPTY, COLUMNS, List.of())
                .query(CASES, List.of(varchar("Name"), varchar("name")), List.of(List.of("upper", "lower")));
        rows = connection.createStatement().executeQuery(ALL);
    }

    @Test
    void gettersConvertLikeACast() throws SQLException {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("n")).isEqualTo("12.50");
        assertThat(rows.getInt("n")).as("fractions are cut off").isEqualTo(12);
        assertThat(rows.getLong("n")).isEqualTo(12L);
        assertThat(rows.getDouble("n")).isEqualTo(12.5);
        assertThat(rows.getFloat("n")).isEqualTo(12.5f);
        assertThat(rows.getBigDecimal("n")).isEqualTo(new BigDecimal("12.50"));
        assertThat(rows.getShort("s")).isEqualTo((short) 42);
        assertThat(rows.getByte("i")).isEqualTo((byte) 7);
        assertThat(rows.getString("i")).isEqualTo("7");
        assertThat(rows.getBigDecimal("big")).isEqualTo(BigDecimal.valueOf(9_000_000_000L));
        assertThat(rows.getString("d")).isEqualTo("2.5");
        assertThat(rows.getBoolean("flag")).isTrue();
        assertThat(rows.getString("flag")).isEqualTo("true");
        assertThat(rows.getInt("flag")).isEqualTo(1);
        assertThat(rows.getBoolean("i")).isTrue();
        assertThat(rows.getBytes("bin")).containsExactly(104, 105);
        assertThat(rows.getString("bin")).as("base64, as in the JSON shape").isEqualTo("aGk=");
        assertThat(rows.getString("doc")).isEqualTo("{\"city\":\"Santos\",\"n\":1.50}");
        assertThat(rows.getString("list")).isEqualTo("[\"a\",1]");
        assertThat(rows.wasNull()).isFalse();
    }

    @Test
    void getObjectReturnsWhatTheColumnHolds() throws SQLException {
        rows.next();
        assertThat(rows.getObject("s")).isEqualTo("42");
        assertThat(rows.getObject("n")).isEqualTo(new BigDecimal("12.50"));
        assertThat(rows.getObject("doc")).isEqualTo(DOC);
        assertThat(rows.getObject("list")).isEqualTo(List.of("a", BigDecimal.ONE));
        assertThat(rows.getObject("any")).isEqualTo(Set.of("x"));
        assertThat((byte[]) rows.getObject("bin")).containsExactly(104, 105);
        assertThat(rows.getObject("big")).isEqualTo(9_000_000_000L);
        assertThat(rows.getObject("n", Map.of())).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void getObjectWithAClassConverts() throws SQLException {
        rows.next();
        assertThat(rows.getObject("n", Integer.class)).isEqualTo(12);
        assertThat(rows.getObject("n", int.class)).isEqualTo(12);
        assertThat(rows.getObject("n", String.class)).isEqualTo("12.50");
        assertThat(rows.getObject("s", Long.class)).isEqualTo(42L);
        assertThat(rows.getObject("s", BigInteger.class)).isEqualTo(BigInteger.valueOf(42));
        assertThat(rows.getObject("i", BigDecimal.class)).isEqualTo(BigDecimal.valueOf(7));
        assertThat(rows.getObject("d", Float.class)).isEqualTo(2.5f);
        assertThat(rows.getObject("flag", Boolean.class)).isTrue();
        assertThat(rows.getObject("doc", Map.class)).isEqualTo(DOC);
        assertThat(rows.getObject("list", List.class)).isEqualTo(List.of("a", BigDecimal.ONE));
        assertThat(rows.getObject("bin", byte[].class)).containsExactly(104, 105);
        assertThat(rows.getObject("doc", Object.class)).isSameAs(DOC);
        failsWithState("22005", () -> rows.getObject("doc", List.class));
        failsWithState("22005", () -> rows.getObject("doc", Integer.class));
        failsWithState("HY024", () -> rows.getObject("doc", (Class<?>) null));
    }

    @Test
    void impossibleConversionsFailWithDataExceptions() throws SQLException {
        rows.next();
        failsWithState("22003", () -> rows.getByte("big")).hasMessageContaining("TINYINT");
        failsWithState("22003", () -> rows.getInt("big")).hasMessageContaining("INTEGER");
        failsWithState("22005", () -> rows.getInt("doc"));
        failsWithState("22005", () -> rows.getBytes("s"));
        failsWithState("22018", () -> rows.getBoolean("s")).hasMessageContaining("'42'");
        rows.close();
        rows = connection.createStatement().executeQuery(CASES);
        rows.next();
        failsWithState("22018", () -> rows.getInt(1)).hasMessageContaining("'upper'");
        failsWithState("22018", () -> rows.getDouble(1));
    }

    @Test
    void nullsReadAsNullOrZeroAndSetWasNull() throws SQLException {
        rows.next();
        rows.next();
        assertThat(rows.getString("s")).isNull();
        assertThat(rows.wasNull()).isTrue();
        assertThat(rows.getInt("n")).isZero();
        assertThat(rows.wasNull()).isTrue();
        assertThat(rows.getBoolean("flag")).isFalse();
        assertThat(rows.getBigDecimal("n")).isNull();
        assertThat(rows.getBytes("bin")).isNull();
        assertThat(rows.getObject("doc")).isNull();
        assertThat(rows.getObject("n", Integer.class)).isNull();
        assertThat(rows.getCharacterStream("s")).isNull();
        assertThat(rows.wasNull()).isTrue();
    }

    @Test
    void streamsReadTheValue() throws Exception {
        rows.next();
        try (Reader reader = rows.getCharacterStream("s"); InputStream bytes = rows.getBinaryStream("bin");
             InputStream ascii = rows.getAsciiStream("s")) {
            char[] text = new char[2];
            assertThat(reader.read(text)).isEqualTo(2);
            assertThat(new String(text)).isEqualTo("42");
            assertThat(bytes.readAllBytes()).containsExactly(104, 105);
            assertThat(ascii.readAllBytes()).containsExactly('4', '2');
        }
        assertThat(rows.getNString("s")).isEqualTo("42");
    }

    @Test
    void labelsMatchExactlyFirstThenIgnoringCase() throws SQLException {
        rows.close();
        rows = connection.createStatement().executeQuery(CASES);
        rows.next();
        assertThat(rows.findColumn("name")).isEqualTo(2);
        assertThat(rows.findColumn("Name")).isEqualTo(1);
        assertThat(rows.findColumn("NAME")).isEqualTo(1);
        assertThat(rows.getString("name")).isEqualTo("lower");
        assertThatThrownBy(() -> rows.findColumn("missing")).isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessageContaining("[Name, name]");
        failsWithState("42S22", () -> rows.getString("missing"));
    }

    @Test
    void valuesNeedACurrentRowAndAValidIndex() throws SQLException {
        failsWithState("24000", () -> rows.getString(1)).hasMessageContaining("call next()");
        rows.next();
        failsWithState("07009", () -> rows.getString(0));
        failsWithState("07009", () -> rows.getString(COLUMNS.size() + 1)).hasMessageContaining("has 10 columns");
        rows.next();
        assertThat(rows.next()).isFalse();
        assertThat(rows.next()).isFalse();
        failsWithState("24000", () -> rows.getString(1)).hasMessageContaining("past its last row");
    }

    @Test
    void positionsAreKnownWithoutLosingTheCurrentRow() throws SQLException {
        assertThat(rows.isBeforeFirst()).isTrue();
        assertThat(rows.getRow()).isZero();
        assertThat(rows.next()).isTrue();
        assertThat(rows.isFirst()).isTrue();
        assertThat(rows.isLast()).isFalse();
        assertThat(rows.getString("s")).as("still the first row after looking ahead").isEqualTo("42");
        assertThat(rows.getRow()).isEqualTo(1);
        assertThat(rows.next()).isTrue();
        assertThat(rows.isLast()).isTrue();
        assertThat(rows.getString("s")).isNull();
        assertThat(rows.next()).isFalse();
        assertThat(rows.isAfterLast()).isTrue();
        assertThat(rows.getRow()).isZero();

        rows = connection.createStatement().executeQuery(EMPTY);
        assertThat(rows.isBeforeFirst()).as("an empty result has no before-first").isFalse();
        assertThat(rows.next()).isFalse();
        assertThat(rows.isAfterLast()).isFalse();
    }

    @Test
    void closingClosesTheCursorAndReadingToTheEndFreesItEarly() throws SQLException {
        ScriptedSession.Cursor cursor = session.cursors.get(0);
        while (rows.next()) {
            rows.getObject(1);
        }
        assertThat(cursor.closed).isTrue();
        assertThat(rows.isClosed()).isFalse();
        rows.close();
        rows.close();
        assertThat(rows.isClosed()).isTrue();
        failsWithState("HY010", rows::next).hasMessage("The result set is closed");
        failsWithState("HY010", () -> rows.getString(1));
        failsWithState("HY010", rows::getMetaData);

        ResultSet another = connection.createStatement().executeQuery(ALL);
        another.close();
        assertThat(session.cursors.get(1).closed).isTrue();
    }

    @Test
    void metaDataDescribesTheColumns() throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        assertThat(meta.getColumnCount()).isEqualTo(COLUMNS.size());
        assertThat(meta.getColumnLabel(2)).isEqualTo("n");
        assertThat(meta.getColumnName(2)).isEqualTo("n");
        assertThat(meta.getColumnType(2)).isEqualTo(Types.DECIMAL);
        assertThat(meta.getColumnTypeName(2)).isEqualTo("DECIMAL");
        assertThat(meta.getPrecision(2)).isEqualTo(38);
        assertThat(meta.getScale(2)).isEqualTo(2);
        assertThat(meta.getColumnDisplaySize(2)).isEqualTo(40);
        assertThat(meta.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNullable);
        assertThat(meta.isSigned(2)).isTrue();
        assertThat(meta.isSigned(1)).isFalse();
        assertThat(meta.isCaseSensitive(1)).isTrue();
        assertThat(meta.getTableName(1)).isEqualTo("items");
        assertThat(meta.getSchemaName(1)).isEqualTo("skiff");
        assertThat(meta.getSchemaName(10)).as("a computed column").isEmpty();
        assertThat(meta.getCatalogName(1)).isEmpty();
        assertThat(meta.isReadOnly(1)).isTrue();
        assertThat(meta.isWritable(1)).isFalse();
        assertThat(meta.isAutoIncrement(1)).isFalse();
        assertThat(List.of(meta.getColumnClassName(1), meta.getColumnClassName(2), meta.getColumnClassName(3),
                meta.getColumnClassName(4), meta.getColumnClassName(5), meta.getColumnClassName(6),
                meta.getColumnClassName(7), meta.getColumnClassName(8), meta.getColumnClassName(9),
                meta.getColumnClassName(10))).containsExactly("java.lang.String", "java.math.BigDecimal",
                "java.lang.Boolean", "[B", "java.util.Map", "java.util.List", "java.lang.Object", "java.lang.Integer",
                "java.lang.Long", "java.lang.Double");
        failsWithState("07009", () -> meta.getColumnName(11));
    }

    @Test
    void isForwardOnlyAndReadOnly() throws SQLException {
        assertThat(rows.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rows.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(rows.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(rows.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
        assertThat((Object) rows.getWarnings()).isNull();
        rows.next();
        assertThatThrownBy(rows::previous).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Scrollable result sets (ResultSet.previous)");
        assertThatThrownBy(() -> rows.absolute(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rows.updateString(1, "x")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Updatable result sets");
        assertThatThrownBy(rows::deleteRow).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rows.getTimestamp(1)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("no date or time types");
        assertThatThrownBy(() -> rows.getBlob(1)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Blob");
        assertThatThrownBy(() -> rows.getArray("list")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("getObject");
        assertThatThrownBy(() -> rows.setFetchDirection(ResultSet.FETCH_REVERSE))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rows.getObject(1, Map.of("t", String.class)))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(rows.unwrap(ResultSet.class)).isSameAs(rows);
    }
}
