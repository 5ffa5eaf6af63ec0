package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared point lookups through the embedded driver take the engine's direct path and read
 * exactly like the same lookup with a residual condition, which runs the generated plan.
 */
class PointLookupTest {

    private static final String DIRECT = "SELECT name, age, city, address.zip FROM users WHERE pk = ?";
    /** The same columns with a condition that holds for every item, so that it keeps the generated plan. */
    private static final String PLANNED = DIRECT + " AND (age > 0 OR age IS NULL)";

    @TempDir
    Path dir;

    private static boolean runsDirectly(PreparedStatement statement) throws SQLException {
        return statement.unwrap(SkiffPreparedStatement.class).statement().runsDirectly();
    }

    /** Every row as the values getObject gives, with wasNull after each. */
    private static List<List<Object>> read(PreparedStatement statement, String key) throws SQLException {
        statement.setString(1, key);
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                    row.add(rs.wasNull());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> describe(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i) + " " + meta.getColumnType(i) + " " + meta.getColumnTypeName(i) + " "
                    + meta.isNullable(i));
        }
        return columns;
    }

    @Test
    void aPreparedPointLookupRunsDirectlyAndReadsLikeThePlannedOne() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:skiff:file:" + dir);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, PRIMARY KEY (pk))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (pk, name, age, city, address) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, "u1");
                insert.setString(2, "Ova");
                insert.setInt(3, 31);
                insert.setString(4, "Santos");
                insert.setObject(5, Map.of("zip", "11010"));
                insert.executeUpdate();
            }
            statement.execute("INSERT INTO users (pk, name) VALUES ('u2', 'Bo')");
            try (PreparedStatement direct = connection.prepareStatement(DIRECT);
                 PreparedStatement planned = connection.prepareStatement(PLANNED)) {
                assertThat(runsDirectly(direct)).isTrue();
                assertThat(runsDirectly(planned)).isFalse();
                assertThat(describe(direct.getMetaData())).isEqualTo(describe(planned.getMetaData()));
                for (int round = 0; round < 2; round++) {
                    for (String key : List.of("u1", "u2", "nobody")) {
                        assertThat(read(direct, key)).as(key).isEqualTo(read(planned, key));
                    }
                }
                assertThat(read(direct, "u1")).containsExactly(List.of("Ova", false, new BigDecimal(31), false,
                        "Santos", false, "11010", false));
                assertThat(read(direct, "u2")).containsExactly(Arrays.asList("Bo", false, null, true, null, true,
                        null, true));

                direct.setInt(1, 7);
                SQLException wrongType = catchThrowableOfType(SQLException.class, direct::executeQuery);
                planned.setInt(1, 7);
                SQLException plannedWrongType = catchThrowableOfType(SQLException.class, planned::executeQuery);
                assertThat(SkiffErrors.codeOf(wrongType)).contains(ErrorCode.VALIDATION_ERROR);
                assertThat(wrongType.getMessage()).contains("Key attribute 'pk' has type S")
                        .isEqualTo(plannedWrongType.getMessage());
                assertThat(wrongType.getSQLState()).isEqualTo(plannedWrongType.getSQLState());

                statement.execute("DROP TABLE users");
                direct.setString(1, "u1");
                SQLException dropped = catchThrowableOfType(SQLException.class, direct::executeQuery);
                assertThat(SkiffErrors.codeOf(dropped)).contains(ErrorCode.TABLE_NOT_FOUND);
            }
        }
    }
}
