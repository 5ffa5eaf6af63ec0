package io.skiff.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts text into statements at each {@code ;} that is not inside a quoted string
 * ({@code '...'}), a quoted identifier ({@code "..."}), a line comment ({@code -- ...}) or a
 * block comment ({@code /* ... *}{@code /}).
 *
 * <p>The shell needs only this much of SQL's lexical structure: it must know where a statement
 * ends, never what it means. A doubled quote ({@code 'it''s'}) needs no special case: it closes
 * the string and opens it again at once.
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
     */
    public record Statement(String text, int line) {
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

    private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, LINE_COMMENT, BLOCK_COMMENT }

    /** Splits {@code text} into its complete statements and what follows the last of them. */
    public static Split split(String text) {
        List<Statement> statements = new ArrayList<>();
        State state = State.CODE;
        int line = 1;
        int segmentStart = 0;
        int codeStart = -1;
        int codeLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == ';') {
                        if (codeStart >= 0) {
                            statements.add(new Statement(text.substring(codeStart, i).strip(), codeLine));
                        }
                        segmentStart = i + 1;
                        codeStart = -1;
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    } else if (!Character.isWhitespace(c)) {
                        if (codeStart < 0) {
                            codeStart = i;
                            codeLine = line;
                        }
                        if (c == '\'') {
                            state = State.SINGLE_QUOTED;
                        } else if (c == '"') {
                            state = State.DOUBLE_QUOTED;
                        }
                    }
                }
                case SINGLE_QUOTED -> state = c == '\'' ? State.CODE : state;
                case DOUBLE_QUOTED -> state = c == '"' ? State.CODE : state;
                case LINE_COMMENT -> state = c == '\n' ? State.CODE : state;
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i++;
                    }
                }
            }
            if (c == '\n') {
                line++;
            }
        }
        Optional<Statement> unfinished = codeStart < 0 ? Optional.empty()
                : Optional.of(new Statement(text.substring(codeStart).strip(), codeLine));
        // A line comment ends with the text, but an open quote or block comment still waits for more.
        boolean complete = unfinished.isEmpty() && (state == State.CODE || state == State.LINE_COMMENT);
        return new Split(List.copyOf(statements), text.substring(segmentStart), unfinished, complete);
    }
}
