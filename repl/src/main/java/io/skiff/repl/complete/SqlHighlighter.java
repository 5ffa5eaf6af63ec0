package io.skiff.repl.complete;

import io.skiff.repl.SqlLexer;
import io.skiff.repl.SqlLexer.Token;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input as it is typed: keywords, functions, strings, numbers, comments and shell
 * commands, from the same lexer that splits statements, so an unclosed quote shows at once.
 */
public final class SqlHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle FUNCTION = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle QUOTED_NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint().italic();
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    private final Supplier<SqlWords> words;

    /** Colours SQL. */
    public SqlHighlighter() {
        this(() -> SqlWords.SQL);
    }

    /** Colours the words of the dialect now spoken. */
    public SqlHighlighter(Supplier<SqlWords> words) {
        this.words = words;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder text = new AttributedStringBuilder(buffer.length());
        SqlWords dialect = words.get();
        for (Token token : SqlLexer.tokenize(buffer)) {
            text.styled(style(token, token.text(buffer), dialect), token.text(buffer));
        }
        return text.toAttributedString();
    }

    static AttributedStyle style(Token token, String text, SqlWords dialect) {
        return switch (token.kind()) {
            case WORD -> dialect.isKeyword(text) ? KEYWORD : dialect.isFunction(text) ? FUNCTION : AttributedStyle.DEFAULT;
            case STRING -> STRING;
            case NUMBER -> NUMBER;
            case QUOTED_IDENTIFIER -> QUOTED_NAME;
            case LINE_COMMENT, BLOCK_COMMENT -> COMMENT;
            case META_COMMAND -> COMMAND;
            default -> AttributedStyle.DEFAULT;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // Errors are the database's to find; nothing is marked while typing.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // As above.
    }
}
