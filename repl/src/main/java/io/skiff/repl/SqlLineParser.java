package io.skiff.repl;

import io.skiff.repl.SqlLexer.Kind;
import io.skiff.repl.SqlLexer.Token;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when Enter finishes the input, and what the word under the cursor is.
 *
 * <p>Enter finishes the input when every statement in it is terminated by {@code ;} (shell
 * commands end with their line, and {@code quit}, {@code exit} and {@code help} stand alone).
 * Otherwise JLine keeps editing the same buffer on a new line under the continuation prompt, so
 * a multi-line statement is one history entry, is recalled whole, and Ctrl-C drops all of it.
 *
 * <p>The word under the cursor, which completion extends, is a SQL name with its qualifiers
 * ({@code u.ci}, {@code "my table".c}); inside a shell command it is everything between spaces
 * ({@code \import users data/us}), so that file names complete too.
 */
final class SqlLineParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.split(line).complete()
                && ShellCommand.parse(line).isEmpty()) {
            throw new EOFError(-1, -1, "statement not terminated by ;", ";");
        }
        // Word splitting only serves line editing (completion, word moves); it never throws.
        boolean inCommand = inShellCommand(line, cursor);
        int start = cursor;
        while (start > 0 && isWordChar(line.charAt(start - 1), inCommand)) {
            start--;
        }
        int end = cursor;
        while (end < line.length() && isWordChar(line.charAt(end), inCommand)) {
            end++;
        }
        return new Word(line, cursor, line.substring(start, end), cursor - start);
    }

    private static boolean inShellCommand(String line, int cursor) {
        for (Token token : SqlLexer.tokenize(line)) {
            if (token.start() < cursor && cursor <= token.end()) {
                return token.kind() == Kind.META_COMMAND;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c, boolean inCommand) {
        if (inCommand) {
            return !Character.isWhitespace(c);
        }
        return SqlLexer.isWordPart(c) || c == '.' || c == '"' || c == '\\';
    }

    /**
     * The line with the word under the cursor. Candidates come already quoted where SQL needs
     * it ({@code "order"}), so they are inserted as they are.
     */
    private record Word(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }
    }
}
