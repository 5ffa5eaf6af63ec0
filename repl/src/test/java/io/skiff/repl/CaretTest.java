package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.jdbc.SkiffErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CaretTest {

    @Test
    void theCaretIsUnderTheColumnOfTheLine() {
        assertThat(Caret.at("SELECT *\nFROM users\nWHERE pk = = 'a'", 3, 10))
                .containsExactly("  WHERE pk = = 'a'", "           ^");
    }

    @Test
    void aPositionPastTheEndOfTheLinePointsJustAfterIt() {
        assertThat(Caret.at("SELECT (1", 1, 10)).containsExactly("  SELECT (1", "           ^");
    }

    @Test
    void tabsAndWideCharactersKeepTheCaretUnderItsCharacter() {
        assertThat(Caret.at("SELECT\t'東京' FORM", 1, 13)).containsExactly("  SELECT '東京' FORM", "                ^");
    }

    @Test
    void aLongLineIsCutAroundThePosition() {
        String line = "SELECT " + "a, ".repeat(100) + "FORM t";
        int column = line.indexOf("FORM") + 1;
        var lines = Caret.at(line, 1, column);
        assertThat(lines.get(0)).startsWith("  …").endsWith("FORM t");
        assertThat(lines.get(0).length()).isLessThan(Caret.CONTEXT * 2 + 10);
        assertThat(lines.get(0).substring(lines.get(1).length() - 1)).startsWith("FORM");
    }

    @Test
    void noPositionNoCaret() {
        assertThat(Caret.at("SELECT 1", 0, 0)).isEmpty();
        assertThat(Caret.at("SELECT 1", 2, 1)).isEmpty();
    }

    @Test
    void theReporterAddsTheCaretForAFailureWithAPosition() {
        StringWriter err = new StringWriter();
        SkiffException cause = SkiffException.at(ErrorCode.SYNTAX_ERROR, 1, 10, "Encountered \"FORM\"");
        new ErrorReporter(new PrintWriter(err), false).report(SkiffErrors.toSQLException(cause), null,
                "SELECT * FORM users");
        assertThat(err.toString().split(System.lineSeparator())).containsExactly(
                "ERROR SYNTAX_ERROR (42601): Encountered \"FORM\" at line 1, column 10",
                "  SELECT * FORM users",
                "           ^");
    }
}
