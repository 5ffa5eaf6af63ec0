package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver end to end: real SQL engine, real storage engine, real RocksDB in a temp dir. */
class EmbeddedSqlTest {

    @TempDir
    Path dir;

    /** A connection to the test's database in {@code dir}; the remote suite connects through a server instead. */
    protected Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:skiff:file:" + dir);
    }

    @Test
    void rowsWrittenThroughJdbcReadBackWithTheirJavaTypesAndSurviveReopen() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, PRIMARY KEY (pk))");
            assertThat(statement.executeUpdate("INSERT INTO users (pk, name, age, tags) VALUES ('u1', 'Ova', 31, 'x')"))
                    .isEqualTo(1);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (pk, name, address) VALUES (?, ?, ?)")) {
                insert.setString(1, "u2");
                insert.setString(2, "Bo");
                insert.setObject(3, Map.of("city", "Rio"));
                insert.executeUpdate();
            }
        }
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pk, name, age, _doc, address.city FROM users ORDER BY pk")) {
            assertThat(rs.getMetaData().getColumnLabel(5)).isEqualTo("city");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("pk")).isEqualTo("u1");
            assertThat(rs.getObject("age")).isEqualTo(new BigDecimal(31));
            assertThat(rs.getInt("age")).isEqualTo(31);
            assertThat(rs.getObject("_doc")).isEqualTo(Map.of("tags", "x"));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("age")).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString(5)).isEqualTo("Rio");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aPreparedBatchIsAtomic() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (pk, name) VALUES (?, ?)")) {
                for (String pk : List.of("a", "b", "c")) {
                    insert.setString(1, pk);
                    insert.setString(2, "name " + pk);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
                for (String pk : List.of("d", "a")) {
                    insert.setString(1, pk);
                    insert.setString(2, "again");
                    insert.addBatch();
                }
                BatchUpdateException e = catchThrowableOfType(BatchUpdateException.class, insert::executeBatch);
                assertThat(e.getSQLState()).isEqualTo("23505");
                assertThat(e.getUpdateCounts()).isEmpty();
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void aBatchInsertFindsDuplicatesInTheBatchInTheMemtableAndOnDisk() throws SQLException {
        String insertSql = "INSERT INTO users (pk, age) VALUES (?, ?)";
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, age INTEGER, PRIMARY KEY (pk))");
        }
        try (Connection connection = open(); PreparedStatement insert = connection.prepareStatement(insertSql)) {
            assertThat(batch(insert, IntStream.range(0, 500))).hasSize(500);
            BatchUpdateException inMemtable = catchThrowableOfType(BatchUpdateException.class,
                    () -> batch(insert, IntStream.range(499, 600)));
            assertThat(inMemtable.getSQLState()).isEqualTo("23505");
            BatchUpdateException twiceInBatch = catchThrowableOfType(BatchUpdateException.class,
                    () -> batch(insert, IntStream.of(700, 701, 700)));
            assertThat(twiceInBatch.getSQLState()).isEqualTo("23505");
            assertThat(twiceInBatch.getMessage()).contains("user#700").contains("twice");
        }
        // The last connection closing flushes the memtable: now the keys are only in an SST file.
        try (Connection connection = open(); Statement statement = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(insertSql)) {
            BatchUpdateException onDisk = catchThrowableOfType(BatchUpdateException.class,
                    () -> batch(insert, IntStream.concat(IntStream.range(600, 999), IntStream.of(0))));
            assertThat(onDisk.getSQLState()).isEqualTo("23505");
            assertThat(onDisk.getMessage()).contains("user#0");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no failed batch wrote anything").isEqualTo(500);
            }
        }
    }

    /** Inserts the users with these numbers as one batch. */
    private static int[] batch(PreparedStatement insert, IntStream ids) throws SQLException {
        for (int id : ids.toArray()) {
            insert.setString(1, "user#" + id);
            insert.setInt(2, id);
            insert.addBatch();
        }
        return insert.executeBatch();
    }

    @Test
    void failuresCarrySqlStateCodeAndPosition() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, PRIMARY KEY (pk))");
            statement.execute("INSERT INTO users (pk) VALUES ('a')");
            SQLIntegrityConstraintViolationException duplicate = catchThrowableOfType(
                    SQLIntegrityConstraintViolationException.class,
                    () -> statement.execute("INSERT INTO users (pk) VALUES ('a')"));
            assertThat(duplicate.getSQLState()).isEqualTo("23505");
            assertThat(SkiffErrors.codeOf(duplicate)).contains(io.skiff.core.error.ErrorCode.DUPLICATE_ITEM);
            SQLSyntaxErrorException syntax = catchThrowableOfType(SQLSyntaxErrorException.class,
                    () -> statement.executeQuery("SELECT *\nFROM users WHERE"));
            assertThat(syntax.getSQLState()).isEqualTo("42601");
            assertThat(SkiffErrors.lineOf(syntax)).isEqualTo(2);
            SQLException missing = catchThrowableOfType(SQLException.class,
                    () -> statement.executeQuery("SELECT * FROM nothing_here"));
            assertThat(missing.getSQLState()).isEqualTo("42S02");
            SQLFeatureNotSupportedException noTransactions = catchThrowableOfType(
                    SQLFeatureNotSupportedException.class, () -> connection.setAutoCommit(false));
            assertThat(noTransactions.getMessage()).contains("autocommit");
        }
    }

    @Test
    void metadataDescribesTablesCreatedWithSql() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq))");
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet keys = meta.getPrimaryKeys(null, null, "events")) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString("COLUMN_NAME")).isEqualTo("device");
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString("COLUMN_NAME")).isEqualTo("seq");
            }
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet columns = meta.getColumns(null, null, "events", "%")) {
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME"));
                }
            }
            assertThat(names).containsExactly("device", "seq", "kind", "_doc");
        }
    }

    @Test
    void aNearestNeighbourQueryTakesItsTargetAsAMarkerInOrderBy() throws SQLException {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE docs (id VARCHAR, kind VARCHAR, PRIMARY KEY (id))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO docs (id, kind, embedding) VALUES (?, ?, ?)")) {
                Map<String, List<Integer>> embeddings = Map.of("a", List.of(1, 0), "b", List.of(9, 1),
                        "c", List.of(0, 1), "d", List.of(-1, 0), "e", List.of(10, 1));
                for (Map.Entry<String, List<Integer>> doc : embeddings.entrySet()) {
                    insert.setString(1, doc.getKey());
                    insert.setString(2, doc.getKey().equals("e") ? "other" : "text");
                    insert.setObject(3, doc.getValue());
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement near = connection.prepareStatement(
                    "SELECT id FROM docs WHERE kind = ? ORDER BY cosine(embedding, ?) LIMIT ?")) {
                ParameterMetaData parameters = near.getParameterMetaData();
                assertThat(parameters.getParameterCount()).isEqualTo(3);
                assertThat(parameters.getParameterTypeName(1)).isEqualTo("VARCHAR");
                assertThat(parameters.getParameterTypeName(2)).isEqualTo("ANY");
                assertThat(parameters.getParameterType(3)).isEqualTo(Types.INTEGER);
                assertThat(near.getMetaData().getColumnCount()).isEqualTo(1);
                near.setString(1, "text");
                near.setObject(2, List.of(1, 0));
                near.setInt(3, 2);
                try (ResultSet rs = near.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("a");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("b");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }
}
