package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.sqlFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Skiff failure reaches JDBC callers with its SQLState, code, category and position. */
class ErrorMappingTest extends JdbcFixture {

    static final String WRITE = "UPDATE items SET a = 1";

    /** The JDBC class each SQLState class maps to. */
    static final Map<String, Class<? extends SQLException>> CATEGORIES = Map.of(
            "22", SQLDataException.class,
            "23", SQLIntegrityConstraintViolationException.class,
            "40", SQLTransactionRollbackException.class,
            "42", SQLSyntaxErrorException.class);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeKeepsItsSqlStateCodeAndCause(ErrorCode code) throws SQLException {
        SkiffException cause = new SkiffException(code, "what went wrong");
        session.failingUpdate(WRITE, cause);
        Statement statement = connection.createStatement();

        SQLException failure = sqlFailure(() -> statement.executeUpdate(WRITE));

        assertThat(failure.getSQLState()).isEqualTo(code.sqlState());
        assertThat(failure.getMessage()).isEqualTo("[" + code.name() + "] what went wrong");
        assertThat(failure.getErrorCode()).isEqualTo(code.number());
        assertThat(failure.getCause()).isSameAs(cause);
        assertThat(SkiffErrors.codeOf(failure)).contains(code);
        Class<? extends SQLException> expected = code == ErrorCode.ENGINE_CLOSED
                ? SQLNonTransientConnectionException.class
                : code == ErrorCode.QUERY_TIMEOUT ? SQLTimeoutException.class
                : code == ErrorCode.CLUSTER_UNAVAILABLE ? SQLTransientConnectionException.class
                : CATEGORIES.getOrDefault(code.sqlState().substring(0, 2), SQLException.class);
        assertThat(failure.getClass()).isEqualTo(expected);
    }

    @Test
    void statementErrorsCarryTheirPosition() throws SQLException {
        String bad = "SELECT FROM WHERE";
        session.failingToPrepare(bad, SkiffException.at(ErrorCode.SYNTAX_ERROR, 2, 7, "Unexpected WHERE"));

        SQLException failure = sqlFailure(() -> connection.prepareStatement(bad));

        assertThat((Throwable) failure).isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessage("[SYNTAX_ERROR] Unexpected WHERE at line 2, column 7");
        assertThat(failure.getSQLState()).isEqualTo("42601");
        assertThat(SkiffErrors.lineOf(failure)).isEqualTo(2);
        assertThat(SkiffErrors.columnOf(failure)).isEqualTo(7);
        assertThat(SkiffErrors.skiffCause(failure)).containsSame((SkiffException) failure.getCause());
    }

    @Test
    void unexpectedEngineFailuresAreInternalErrors() throws SQLException {
        session.failingUpdate(WRITE, new IllegalStateException("broken invariant"));
        Statement statement = connection.createStatement();

        SQLException failure = sqlFailure(() -> statement.executeUpdate(WRITE));

        assertThat(failure.getSQLState()).isEqualTo("XX000");
        assertThat(SkiffErrors.codeOf(failure)).contains(ErrorCode.INTERNAL_ERROR);
        assertThat(failure.getMessage()).startsWith("[INTERNAL_ERROR]").contains("broken invariant");
        assertThat(failure.getCause().getCause()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failuresTheDriverRaisesHaveNoSkiffCode() throws SQLException {
        connection.close();
        SQLException failure = sqlFailure(connection::createStatement);

        assertThat(failure.getSQLState()).isEqualTo("08003");
        assertThat((Throwable) failure).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(failure.getErrorCode()).isZero();
        assertThat(SkiffErrors.codeOf(failure)).isEmpty();
        assertThat(SkiffErrors.lineOf(failure)).isZero();
        assertThat(SkiffErrors.columnOf(failure)).isZero();
    }
}
