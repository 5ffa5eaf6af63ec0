package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata of a real store: tables created through a real engine, read back through the driver. */
class DatabaseMetaDataTest {

    @TempDir
    Path dataDir;
    Connection connection;
    DatabaseMetaData meta;

    @BeforeEach
    void createTablesAndConnect() throws SQLException {
        try (Engine engine = Engine.open(dataDir, EngineOptions.defaults())) {
            engine.createTable(TableSchema.of("users", KeyAttribute.of("id", AttributeType.S)));
            engine.createTable(TableSchema.of("events", KeyAttribute.of("pk", AttributeType.S),
                            KeyAttribute.of("sk", AttributeType.N))
                    .withAttribute("kind", AttributeType.S)
                    .withAttribute("flag", AttributeType.BOOL)
                    .withAttribute("data", AttributeType.B)
                    .withAttribute("tags", AttributeType.SS)
                    .withAttribute("doc", AttributeType.M));
            engine.createTable(TableSchema.of("user_x", KeyAttribute.of("id", AttributeType.B)));
            engine.createTable(TableSchema.of("orders", KeyAttribute.of("zone", AttributeType.S),
                    KeyAttribute.of("at", AttributeType.N)));
        }
        connection = DriverManager.getConnection(url(dataDir));
        meta = connection.getMetaData();
    }

    /** The URL of the database in {@code directory}; the remote suite serves it with a server instead. */
    protected String url(Path directory) throws SQLException {
        return "jdbc:skiff:file:" + directory;
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    /** One column of every row, read by label. */
    private static List<Object> column(ResultSet rows, String label) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getObject(label));
            }
        }
        return values;
    }

    @Test
    void tablesComeFromTheCatalogByName() throws SQLException {
        try (ResultSet tables = meta.getTables(null, null, "%", null)) {
            ResultSetMetaData columns = tables.getMetaData();
            assertThat(columns.getColumnCount()).isEqualTo(10);
            assertThat(columns.getColumnName(3)).isEqualTo("TABLE_NAME");
            assertThat(tables.getStatement()).isNull();
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_CAT")).isNull();
            assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("skiff");
            assertThat(tables.getString("TABLE_NAME")).isEqualTo("events");
            assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
        }
        assertThat(column(meta.getTables(null, "skiff", null, new String[] {"TABLE"}), "TABLE_NAME"))
                .containsExactly("events", "orders", "user_x", "users");
    }

    @Test
    void tableNamePatternsFollowLike() throws SQLException {
        assertThat(column(meta.getTables(null, null, "user%", null), "TABLE_NAME")).containsExactly("user_x", "users");
        assertThat(column(meta.getTables(null, null, "user\\_x", null), "TABLE_NAME")).containsExactly("user_x");
        assertThat(column(meta.getTables(null, null, "user_", null), "TABLE_NAME")).containsExactly("users");
        assertThat(column(meta.getTables(null, null, "USERS", null), "TABLE_NAME")).as("case-sensitive").isEmpty();
        assertThat(column(meta.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
        assertThat(column(meta.getTables("somecatalog", null, "%", null), "TABLE_NAME")).isEmpty();
        assertThat(column(meta.getTables("", null, "%", null), "TABLE_NAME")).hasSize(4);
        assertThat(column(meta.getTables(null, "public", "%", null), "TABLE_NAME")).isEmpty();
    }

    @Test
    void columnsAreTheKeysThenTheDeclaredAttributes() throws SQLException {
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> nullable = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, "skiff", "events", null)) {
            assertThat(columns.getMetaData().getColumnCount()).isEqualTo(24);
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
                types.add(columns.getInt("DATA_TYPE"));
                typeNames.add(columns.getString("TYPE_NAME"));
                positions.add(columns.getInt("ORDINAL_POSITION"));
                nullable.add(columns.getString("IS_NULLABLE"));
                assertThat(columns.getString("TABLE_NAME")).isEqualTo("events");
                assertThat(columns.getInt("NULLABLE")).isEqualTo(columns.getString("IS_NULLABLE").equals("NO")
                        ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable);
            }
        }
        assertThat(names).containsExactly("pk", "sk", "kind", "flag", "data", "tags", "doc", "_doc");
        assertThat(types).containsExactly(Types.VARCHAR, Types.DECIMAL, Types.VARCHAR, Types.BOOLEAN, Types.VARBINARY,
                Types.OTHER, Types.OTHER, Types.JAVA_OBJECT);
        assertThat(typeNames).containsExactly("VARCHAR", "DECIMAL", "VARCHAR", "BOOLEAN", "VARBINARY", "OTHER", "OTHER",
                "MAP");
        assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(nullable).containsExactly("NO", "NO", "YES", "YES", "YES", "YES", "YES", "YES");

        try (ResultSet sortKey = meta.getColumns(null, null, "events", "s%")) {
            assertThat(sortKey.next()).isTrue();
            assertThat(sortKey.getString("COLUMN_NAME")).isEqualTo("sk");
            assertThat(sortKey.getInt("COLUMN_SIZE")).isEqualTo(38);
            assertThat(sortKey.getInt("NUM_PREC_RADIX")).isEqualTo(10);
            assertThat(sortKey.getString("REMARKS")).isEqualTo("sort key, Skiff type N");
            assertThat(sortKey.next()).isFalse();
        }
        assertThat(column(meta.getColumns(null, null, "%", "id"), "TABLE_NAME")).containsExactly("user_x", "users");
    }

    @Test
    void primaryKeysArePartitionThenSortKey() throws SQLException {
        try (ResultSet keys = meta.getPrimaryKeys(null, null, "events")) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("COLUMN_NAME")).isEqualTo("pk");
            assertThat(keys.getShort("KEY_SEQ")).isEqualTo((short) 1);
            assertThat(keys.getString("PK_NAME")).isEqualTo("PRIMARY");
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("COLUMN_NAME")).isEqualTo("sk");
            assertThat(keys.getInt("KEY_SEQ")).isEqualTo(2);
            assertThat(keys.next()).isFalse();
        }
        assertThat(column(meta.getPrimaryKeys(null, "skiff", "users"), "COLUMN_NAME")).containsExactly("id");
        try (ResultSet keys = meta.getPrimaryKeys(null, null, "orders")) {
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("COLUMN_NAME")).as("ordered by name, as JDBC asks").isEqualTo("at");
            assertThat(keys.getInt("KEY_SEQ")).isEqualTo(2);
            assertThat(keys.next()).isTrue();
            assertThat(keys.getString("COLUMN_NAME")).isEqualTo("zone");
            assertThat(keys.getInt("KEY_SEQ")).isEqualTo(1);
        }
        assertThat(column(meta.getPrimaryKeys(null, null, "user%"), "COLUMN_NAME")).as("not a pattern").isEmpty();
        assertThat(column(meta.getPrimaryKeys(null, "other", "users"), "COLUMN_NAME")).isEmpty();
    }

    @Test
    void thePrimaryKeyIsTheOneUniqueIndex() throws SQLException {
        try (ResultSet index = meta.getIndexInfo(null, null, "events", true, true)) {
            assertThat(index.next()).isTrue();
            assertThat(index.getBoolean("NON_UNIQUE")).isFalse();
            assertThat(index.getString("INDEX_NAME")).isEqualTo("PRIMARY");
            assertThat(index.getShort("TYPE")).isEqualTo(DatabaseMetaData.tableIndexOther);
            assertThat(index.getString("COLUMN_NAME")).isEqualTo("pk");
            assertThat(index.getString("ASC_OR_DESC")).as("hash-ordered").isNull();
            assertThat(index.next()).isTrue();
            assertThat(index.getInt("ORDINAL_POSITION")).isEqualTo(2);
            assertThat(index.getString("ASC_OR_DESC")).isEqualTo("A");
            assertThat(index.next()).isFalse();
        }
        assertThat(column(meta.getBestRowIdentifier(null, null, "events", DatabaseMetaData.bestRowSession, false),
                "COLUMN_NAME")).containsExactly("pk", "sk");
    }

    @Test
    void schemasCatalogsTypesAndTableTypes() throws SQLException {
        assertThat(column(meta.getSchemas(), "TABLE_SCHEM")).containsExactly("skiff");
        assertThat(column(meta.getSchemas(null, "sk%"), "TABLE_SCHEM")).containsExactly("skiff");
        assertThat(column(meta.getSchemas(null, "x%"), "TABLE_SCHEM")).isEmpty();
        assertThat(column(meta.getCatalogs(), "TABLE_CAT")).isEmpty();
        assertThat(column(meta.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE");
        assertThat(column(meta.getTypeInfo(), "TYPE_NAME"))
                .containsExactly("BIGINT", "VARBINARY", "DECIMAL", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN");
        assertThat(column(meta.getTypeInfo(), "DATA_TYPE")).isSorted();
        assertThat(column(meta.getProcedures(null, null, "%"), "PROCEDURE_NAME")).isEmpty();
        assertThat(column(meta.getImportedKeys(null, null, "events"), "PKTABLE_NAME")).isEmpty();
        try (ResultSet functions = meta.getFunctions(null, null, "%")) {
            assertThat(functions.getMetaData().getColumnName(3)).isEqualTo("FUNCTION_NAME");
        }
    }

    @Test
    void describesSkiffAndTheDriver() throws SQLException {
        assertThat(meta.getDatabaseProductName()).isEqualTo("Skiff");
        assertThat(meta.getDatabaseProductVersion()).isEqualTo(DriverVersion.VERSION);
        assertThat(meta.getDriverName()).isEqualTo("Skiff JDBC driver");
        assertThat(meta.getDriverVersion()).isEqualTo(DriverVersion.VERSION);
        assertThat(meta.getDriverMajorVersion()).isEqualTo(new SkiffDriver().getMajorVersion());
        assertThat(meta.getJDBCMajorVersion()).isEqualTo(4);
        assertThat(meta.getURL()).isEqualTo(url(dataDir));
        assertThat(meta.getConnection()).isSameAs(connection);
        assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
        assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
        assertThat(meta.getSQLKeywords()).contains("RETURNING");
    }

    @Test
    void answersTrueToWhatSkiffDoes() throws SQLException {
        assertThat(meta.supportsTransactions()).isFalse();
        assertThat(meta.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
        assertThat(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE)).isTrue();
        assertThat(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED)).isFalse();
        assertThat(meta.supportsSavepoints()).isFalse();
        assertThat(meta.supportsStoredProcedures()).isFalse();
        assertThat(meta.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
        assertThat(meta.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
        assertThat(meta.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)).isFalse();
        assertThat(meta.supportsBatchUpdates()).isTrue();
        assertThat(meta.supportsGetGeneratedKeys()).isFalse();
        assertThat(meta.supportsMultipleResultSets()).isFalse();
        assertThat(meta.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT)).isTrue();
        assertThat(meta.getMaxTableNameLength()).isEqualTo(255);
        assertThat(meta.isReadOnly()).isFalse();
        connection.setReadOnly(true);
        assertThat(meta.isReadOnly()).isTrue();
    }

    @Test
    void metadataOfAClosedConnectionIsRefused() throws SQLException {
        connection.close();
        failsWithState("08003", () -> meta.getTables(null, null, "%", null));
        failsWithState("08003", meta::getSchemas);
        failsWithState("08003", meta::getCatalogs);
    }
}
