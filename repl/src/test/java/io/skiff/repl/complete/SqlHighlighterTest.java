package io.skiff.repl.complete;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    private static AttributedStyle styleAt(AttributedString text, String source, String part) {
        return text.styleAt(source.indexOf(part));
    }

    @Test
    void eachKindOfTokenHasItsStyleAndTheTextIsUnchanged() {
        String source = "SELECT upper(name), 'it''s', 42, \"odd name\" FROM users; -- note\n\\d users";
        AttributedString text = new SqlHighlighter().highlight(null, source);
        assertThat(text.toString()).isEqualTo(source);
        assertThat(styleAt(text, source, "SELECT")).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(text, source, "FROM")).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(text, source, "upper")).isEqualTo(SqlHighlighter.FUNCTION);
        assertThat(styleAt(text, source, "name")).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(styleAt(text, source, "'it")).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(text, source, "s',")).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(text, source, "42")).isEqualTo(SqlHighlighter.NUMBER);
        assertThat(styleAt(text, source, "odd")).isEqualTo(SqlHighlighter.QUOTED_NAME);
        assertThat(styleAt(text, source, "note")).isEqualTo(SqlHighlighter.COMMENT);
        assertThat(styleAt(text, source, "\\d")).isEqualTo(SqlHighlighter.COMMAND);
    }

    @Test
    void partiqlColoursItsOwnKeywordsAndFunctions() {
        String source = "SELECT * FROM t WHERE a IS MISSING AND begins_with(b, 'x') AND upper(c) = 'C'";
        AttributedString text = new SqlHighlighter(() -> SqlWords.PARTIQL).highlight(null, source);
        assertThat(styleAt(text, source, "MISSING")).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(text, source, "begins_with")).isEqualTo(SqlHighlighter.FUNCTION);
        assertThat(styleAt(text, source, "upper")).isEqualTo(AttributedStyle.DEFAULT);
        AttributedString sql = new SqlHighlighter().highlight(null, source);
        assertThat(styleAt(sql, source, "MISSING")).isEqualTo(AttributedStyle.DEFAULT);
    }

    @Test
    void anUnclosedStringColoursTheRestOfTheInput() {
        String source = "SELECT 'abc FROM t";
        AttributedString text = new SqlHighlighter().highlight(null, source);
        assertThat(styleAt(text, source, "FROM")).isEqualTo(SqlHighlighter.STRING);
    }
}
