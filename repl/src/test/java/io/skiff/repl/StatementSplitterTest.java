package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.repl.StatementSplitter.Split;
import io.skiff.repl.StatementSplitter.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(Split split) {
        return split.statements().stream().map(Statement::text).toList();
    }

    @Test
    void aSemicolonEndsAStatementAndIsNotPartOfIt() {
        Split split = StatementSplitter.split("SELECT * FROM Users;");
        assertThat(texts(split)).containsExactly("SELECT * FROM Users");
        assertThat(split.remainder()).isEmpty();
        assertThat(split.unfinished()).isEmpty();
        assertThat(split.complete()).isTrue();
    }

    @Test
    void severalStatementsOnOneLine() {
        assertThat(texts(StatementSplitter.split("select 1; select 2;select 3 ;")))
                .containsExactly("select 1", "select 2", "select 3");
    }

    @Test
    void textWithoutSemicolonIsUnfinished() {
        Split split = StatementSplitter.split("select 1; select *\nfrom t");
        assertThat(texts(split)).containsExactly("select 1");
        assertThat(split.remainder()).isEqualTo(" select *\nfrom t");
        assertThat(split.unfinished()).contains(new Statement("select *\nfrom t", 1));
        assertThat(split.complete()).isFalse();
        assertThat(split.all()).extracting(Statement::text).containsExactly("select 1", "select *\nfrom t");
    }

    @Test
    void aStatementMaySpanLinesAndKeepsThem() {
        assertThat(texts(StatementSplitter.split("select a,\n       b\n  from t\n;\n")))
                .containsExactly("select a,\n       b\n  from t");
    }

    @Test
    void semicolonsInsideStringsAndQuotedIdentifiersDoNotEndAStatement() {
        Split split = StatementSplitter.split("INSERT INTO \"a;b\" VALUE {'pk': 'x;y'}; SELECT 'it''s; fine' FROM t;");
        assertThat(texts(split)).containsExactly("INSERT INTO \"a;b\" VALUE {'pk': 'x;y'}", "SELECT 'it''s; fine' FROM t");
    }

    @Test
    void anOpenStringWaitsForMoreInput() {
        Split split = StatementSplitter.split("select 'a;\nb");
        assertThat(split.statements()).isEmpty();
        assertThat(split.complete()).isFalse();
        assertThat(texts(StatementSplitter.split("select 'a;\nb';"))).containsExactly("select 'a;\nb'");
    }

    @Test
    void semicolonsInsideCommentsDoNotEndAStatement() {
        assertThat(texts(StatementSplitter.split("select 1 -- not here;\n, 2; select /* nor; here */ 3;")))
                .containsExactly("select 1 -- not here;\n, 2", "select /* nor; here */ 3");
    }

    @Test
    void quotesInsideCommentsAndCommentMarksInsideStringsAreInert() {
        assertThat(texts(StatementSplitter.split("select 1 -- it's\n; select '--', '/*';")))
                .containsExactly("select 1 -- it's", "select '--', '/*'");
    }

    @Test
    void anOpenBlockCommentWaitsForMoreInput() {
        Split split = StatementSplitter.split("/* a comment;\n");
        assertThat(split.statements()).isEmpty();
        assertThat(split.unfinished()).isEmpty();
        assertThat(split.complete()).isFalse();
    }

    @Test
    void commentsAndBlankTextAfterTheLastStatementLeaveNothingUnfinished() {
        Split split = StatementSplitter.split("select 1; -- done\n  /* really */  ");
        assertThat(texts(split)).containsExactly("select 1");
        assertThat(split.unfinished()).isEmpty();
        assertThat(split.complete()).isTrue();
        assertThat(StatementSplitter.split("").complete()).isTrue();
        assertThat(StatementSplitter.split("-- only a comment").complete()).isTrue();
    }

    @Test
    void emptyStatementsAreDropped() {
        Split split = StatementSplitter.split(";; -- c\n; select 1;;");
        assertThat(texts(split)).containsExactly("select 1");
    }

    @Test
    void leadingCommentsAreDroppedSoTheLineIsWhereTheStatementStarts() {
        String script = "-- schema\n/* users\n   table */\nCREATE TABLE t (pk VARCHAR PRIMARY KEY);\n\n  INSERT INTO t\n"
                + "VALUES ('a');\nSELECT 1";
        assertThat(StatementSplitter.split(script).all()).containsExactly(
                new Statement("CREATE TABLE t (pk VARCHAR PRIMARY KEY)", 4),
                new Statement("INSERT INTO t\nVALUES ('a')", 6),
                new Statement("SELECT 1", 8));
    }

    @Test
    void aMinusSignIsNotAComment() {
        assertThat(texts(StatementSplitter.split("select 5-3, 4 - -2, 8/2;"))).containsExactly("select 5-3, 4 - -2, 8/2");
    }

    @Test
    void aBackslashWhereAStatementCouldStartIsAShellCommandThatEndsWithItsLine() {
        Split split = StatementSplitter.split("\\dt\nselect 1; \\d users;\n  \\timing on\nselect\n 2;");
        assertThat(split.all()).containsExactly(
                new Statement("\\dt", 1, true),
                new Statement("select 1", 2),
                new Statement("\\d users;", 2, true),
                new Statement("\\timing on", 3, true),
                new Statement("select\n 2", 4));
        assertThat(split.complete()).isTrue();
    }

    @Test
    void aBackslashInsideAStatementIsPartOfIt() {
        Split split = StatementSplitter.split("select 'a\\b', x \\ y;");
        assertThat(split.all()).containsExactly(new Statement("select 'a\\b', x \\ y", 1));
    }

    @Test
    void aShellCommandNeedsNoSemicolonToBeComplete() {
        Split split = StatementSplitter.split("\\x");
        assertThat(split.complete()).isTrue();
        assertThat(split.all()).containsExactly(new Statement("\\x", 1, true));
    }
}
