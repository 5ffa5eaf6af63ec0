package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.repl.SqlLexer.Kind;
import io.skiff.repl.SqlLexer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<String> significant(String text) {
        return SqlLexer.tokenize(text).stream().filter(Token::significant)
                .map(token -> token.kind() + ":" + token.text(text)).toList();
    }

    @Test
    void tokensCoverTheWholeText() {
        String text = "SELECT a.b, 'it''s', \"x\"\"y\", 1.5e-3 -- c\n/* d */;";
        List<Token> tokens = SqlLexer.tokenize(text);
        int at = 0;
        for (Token token : tokens) {
            assertThat(token.start()).isEqualTo(at);
            at = token.end();
        }
        assertThat(at).isEqualTo(text.length());
        assertThat(significant(text)).containsExactly("WORD:SELECT", "WORD:a", "PUNCTUATION:.", "WORD:b",
                "PUNCTUATION:,", "STRING:'it''s'", "PUNCTUATION:,", "QUOTED_IDENTIFIER:\"x\"\"y\"", "PUNCTUATION:,",
                "NUMBER:1.5e-3", "SEMICOLON:;");
    }

    @Test
    void openStringsAndCommentsAreNotTerminated() {
        assertThat(SqlLexer.tokenize("select 'abc").get(2)).isEqualTo(new Token(Kind.STRING, 7, 11, false));
        assertThat(SqlLexer.tokenize("/* abc").get(0).terminated()).isFalse();
        assertThat(SqlLexer.tokenize("\"abc").get(0).terminated()).isFalse();
    }

    @Test
    void shellCommandsStartOnlyWhereAStatementCould() {
        assertThat(significant("\\d users\nselect 1; \\x")).containsExactly("META_COMMAND:\\d users", "WORD:select",
                "NUMBER:1", "SEMICOLON:;", "META_COMMAND:\\x");
        assertThat(significant("select \\x")).containsExactly("WORD:select", "PUNCTUATION:\\", "WORD:x");
    }

    @Test
    void minusSignsAndDotsAreNotCommentsOrNumbers() {
        assertThat(significant("5-3 - -2 .5 t.c")).containsExactly("NUMBER:5", "PUNCTUATION:-", "NUMBER:3",
                "PUNCTUATION:-", "PUNCTUATION:-", "NUMBER:2", "NUMBER:.5", "WORD:t", "PUNCTUATION:.", "WORD:c");
    }
}
