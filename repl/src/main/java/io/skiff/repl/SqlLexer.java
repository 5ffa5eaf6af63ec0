package io.skiff.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts shell input into tokens: just enough of SQL's lexical structure for the shell to know
 * where a statement ends, what to colour and what the word before the cursor is. It never
 * judges whether the SQL is valid; the database does that.
 *
 * <p>One lexer serves the statement splitter, the highlighter and the completer, so that all
 * three agree on what is a string, a comment or a shell command.
 */
public final class SqlLexer {

    /** What a token is. */
    public enum Kind {
        /** Spaces, tabs and line breaks. */
        WHITESPACE,
        /** {@code -- ...} up to the end of the line (the line break is not part of it). */
        LINE_COMMENT,
        /** {@code /* ... *}{@code /}. */
        BLOCK_COMMENT,
        /** {@code '...'}, a doubled quote inside standing for one quote. */
        STRING,
        /** {@code "..."}, a doubled quote inside standing for one quote. */
        QUOTED_IDENTIFIER,
        /** {@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}. */
        NUMBER,
        /** A keyword or an unquoted name. */
        WORD,
        /** The {@code ;} that ends a statement. */
        SEMICOLON,
        /** Any other character: operators, parentheses, commas, dots. */
        PUNCTUATION,
        /**
         * A shell command such as {@code \d users}: a backslash where a statement could start,
         * up to the end of the line.
         */
        META_COMMAND
    }

    /**
     * One token.
     *
     * @param kind       what it is
     * @param start      offset of its first character
     * @param end        offset after its last character
     * @param terminated false for a string, quoted identifier or block comment that the text
     *                   ends inside of
     */
    public record Token(Kind kind, int start, int end, boolean terminated) {

        /** The token's text in {@code source}. */
        public String text(String source) {
            return source.substring(start, end);
        }

        /** Whether the token means something: neither white space nor a comment. */
        public boolean significant() {
            return kind != Kind.WHITESPACE && kind != Kind.LINE_COMMENT && kind != Kind.BLOCK_COMMENT;
        }
    }

    private SqlLexer() {
    }

    /** Every token of {@code text}, in order; together they cover the whole text. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        boolean atStatementStart = true;
        int i = 0;
        while (i < text.length()) {
            Token token = next(text, i, atStatementStart);
            tokens.add(token);
            if (token.kind() == Kind.SEMICOLON || token.kind() == Kind.META_COMMAND) {
                atStatementStart = true;
            } else if (token.significant()) {
                atStatementStart = false;
            }
            i = token.end();
        }
        return tokens;
    }

    private static Token next(String text, int start, boolean atStatementStart) {
        char c = text.charAt(start);
        char next = start + 1 < text.length() ? text.charAt(start + 1) : '\0';
        if (Character.isWhitespace(c)) {
            int end = start + 1;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return new Token(Kind.WHITESPACE, start, end, true);
        }
        if (c == '-' && next == '-') {
            return new Token(Kind.LINE_COMMENT, start, lineEnd(text, start), true);
        }
        if (c == '/' && next == '*') {
            int close = text.indexOf("*/", start + 2);
            return close < 0 ? new Token(Kind.BLOCK_COMMENT, start, text.length(), false)
                    : new Token(Kind.BLOCK_COMMENT, start, close + 2, true);
        }
        if (c == '\'' || c == '"') {
            return quoted(text, start, c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER);
        }
        if (c == '\\' && atStatementStart) {
            return new Token(Kind.META_COMMAND, start, lineEnd(text, start), true);
        }
        if (c == ';') {
            return new Token(Kind.SEMICOLON, start, start + 1, true);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
            return new Token(Kind.NUMBER, start, numberEnd(text, start), true);
        }
        if (isWordStart(c)) {
            int end = start + 1;
            while (end < text.length() && isWordPart(text.charAt(end))) {
                end++;
            }
            return new Token(Kind.WORD, start, end, true);
        }
        return new Token(Kind.PUNCTUATION, start, start + 1, true);
    }

    /** A quoted string or identifier; a doubled quote inside it is an escaped quote, not its end. */
    private static Token quoted(String text, int start, Kind kind) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return new Token(kind, start, i + 1, true);
            }
            i++;
        }
        return new Token(kind, start, text.length(), false);
    }

    private static int lineEnd(String text, int start) {
        int newline = text.indexOf('\n', start);
        return newline < 0 ? text.length() : newline;
    }

    private static int numberEnd(String text, int start) {
        int i = digits(text, start);
        if (i < text.length() && text.charAt(i) == '.') {
            i = digits(text, i + 1);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                i = digits(text, exponent);
            }
        }
        return i;
    }

    private static int digits(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code c} may start an unquoted name or keyword. */
    public static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    /** Whether {@code c} may continue an unquoted name or keyword. */
    public static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
