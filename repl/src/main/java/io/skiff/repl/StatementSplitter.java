package io.skiff.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts text into statements at each {@code ;} that is not inside a quoted string
 * ({@code '...'}), a quoted identifier ({@code "..."}), a line comment ({@code -- ...}) or a
 * block comment ({@code /* ... *}{@code /}). A backslash where a statement could start begins a
 * shell command ({@code \d users}) that ends with its line and needs no {@code ;}.
 *
 * <p>The shell needs only this much of SQL's lexical structure (from {@link SqlLexer}): it must
 * know where a statement ends, never what it means.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    /**
     * One complete statement.
     *
     * @param text the statement without its {@code ;}, without leading comments and without
     *             surrounding white space; comments inside it are kept
     * @param line the 1-based line of the input on which {@code text} starts, so that a script's
     *             errors can say where the failing statement is
     * @param meta whether it is a shell command ({@code \d users}) rather than SQL
     */
    public record Statement(String text, int line, boolean meta) {

        /** A SQL statement. */
        public Statement(String text, int line) {
            this(text, line, false);
        }
    }

    /**
     * What splitting found.
     *
     * @param statements  the complete ({@code ;}-terminated) statements, in order; empty ones
     *                    (such as {@code ;;}) are dropped
     * @param remainder   the raw text after the last terminating {@code ;}
     * @param unfinished  the remainder as a statement, when it holds anything but white space and
     *                    comments; a script runs it as its last statement
     * @param complete    whether the remainder is only white space and finished comments, that is
     *                    whether nothing is waiting for more input
     */
    public record Split(List<Statement> statements, String remainder, Optional<Statement> unfinished,
                        boolean complete) {

        /** The complete statements followed by the unfinished one, if any: what a script runs. */
        public List<Statement> all() {
            List<Statement> all = new ArrayList<>(statements);
            unfinished.ifPresent(all::add);
            return all;
        }
    }

    /** Splits {@code text} into its complete statements and what follows the last of them. */
    public static Split split(String text) {
        List<Statement> statements = new ArrayList<>();
        int line = 1;
        int lineCountedTo = 0;
        int segmentStart = 0;
        int codeStart = -1;
        int codeLine = 0;
        boolean open = false;
        for (SqlLexer.Token token : SqlLexer.tokenize(text)) {
            line += newlines(text, lineCountedTo, token.start());
            lineCountedTo = token.start();
            open = !token.terminated();
            switch (token.kind()) {
                case META_COMMAND -> {
                    statements.add(new Statement(token.text(text).strip(), line, true));
                    segmentStart = token.end();
                }
                case SEMICOLON -> {
                    if (codeStart >= 0) {
                        statements.add(new Statement(text.substring(codeStart, token.start()).strip(), codeLine));
                    }
                    segmentStart = token.end();
                    codeStart = -1;
                }
                default -> {
                    if (token.significant() && codeStart < 0) {
                        codeStart = token.start();
                        codeLine = line;
                    }
                }
            }
        }
        Optional<Statement> unfinished = codeStart < 0 ? Optional.empty()
                : Optional.of(new Statement(text.substring(codeStart).strip(), codeLine));
        // An open quote or block comment still waits for more, even with no statement around it.
        boolean complete = unfinished.isEmpty() && !open;
        return new Split(List.copyOf(statements), text.substring(segmentStart), unfinished, complete);
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
