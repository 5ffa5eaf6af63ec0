package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

    @Test
    void theCodeComesFromTheMessagePrefixAndTheSqlStateFollowsIt() {
        SQLException e = new SQLException("[DUPLICATE_ITEM] Duplicate item: pk=USER#1", "23505");
        assertThat(ErrorReporter.describe(e)).isEqualTo("ERROR DUPLICATE_ITEM (23505): Duplicate item: pk=USER#1");
    }

    @Test
    void withoutAPrefixTheSqlStateIsTheCode() {
        assertThat(ErrorReporter.describe(new SQLException("No suitable driver found for jdbc:x", "08001")))
                .isEqualTo("ERROR 08001: No suitable driver found for jdbc:x");
    }

    @Test
    void aPrefixWithoutSqlStateStandsAlone() {
        assertThat(ErrorReporter.describe(new SQLException("[TABLE_NOT_FOUND] Table not found: Users")))
                .isEqualTo("ERROR TABLE_NOT_FOUND: Table not found: Users");
    }

    @Test
    void neitherCodeNorSqlStateLeavesTheMessage() {
        assertThat(ErrorReporter.describe(new SQLException("it broke", " "))).isEqualTo("ERROR: it broke");
        assertThat(ErrorReporter.describe(new SQLException())).isEqualTo("ERROR: java.sql.SQLException");
    }

    @Test
    void bracketsLaterInTheMessageAreNotACode() {
        assertThat(ErrorReporter.describe(new SQLException("Bad value [ABC] in row", "22023")))
                .isEqualTo("ERROR 22023: Bad value [ABC] in row");
    }

    @Test
    void aMultiLineMessageBecomesOneLine() {
        SQLException e = new SQLException("[SYNTAX_ERROR] Encountered \"FORM\"\n  at line 1, column 10.\r\nWas expecting FROM", "42601");
        assertThat(ErrorReporter.describe(e))
                .isEqualTo("ERROR SYNTAX_ERROR (42601): Encountered \"FORM\" at line 1, column 10. Was expecting FROM");
    }

    @Test
    void otherFailuresHaveNoCode() {
        assertThat(ErrorReporter.describe(new IllegalStateException("driver bug"))).isEqualTo("ERROR: driver bug");
        assertThat(ErrorReporter.describe(new NullPointerException())).isEqualTo("ERROR: java.lang.NullPointerException");
    }

    @Test
    void aReportIsOneLineWithItsLocationAndNoStackTrace() {
        StringWriter err = new StringWriter();
        new ErrorReporter(new PrintWriter(err), false)
                .report(new SQLException("[TABLE_NOT_FOUND] Table not found: t", "42S02"), "statement at a.sql:3");
        assertThat(err.toString()).isEqualTo("ERROR TABLE_NOT_FOUND (42S02): Table not found: t (statement at a.sql:3)"
                + System.lineSeparator());
    }

    @Test
    void debugModeAddsTheStackTrace() {
        StringWriter err = new StringWriter();
        new ErrorReporter(new PrintWriter(err), true).report(new SQLException("[INTERNAL_ERROR] boom", "XX000"));
        assertThat(err.toString()).startsWith("ERROR INTERNAL_ERROR (XX000): boom" + System.lineSeparator()
                + "java.sql.SQLException: [INTERNAL_ERROR] boom").contains("\tat ");
    }
}
