package io.skiff.repl;

import io.skiff.repl.complete.SqlCompleter;
import io.skiff.repl.complete.SqlHighlighter;
import io.skiff.repl.complete.SqlWords;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

/** Builds the JLine reader the interactive shell reads statements with. */
final class ShellLineReader {

    /** Entries the history keeps, in memory and in its file. */
    static final int HISTORY_SIZE = 5000;

    private ShellLineReader() {
    }

    /** A reader on {@code terminal} that keeps its history in {@code historyFile}, without completion. */
    static LineReader create(Terminal terminal, Path historyFile) {
        return builder(terminal, historyFile).build();
    }

    /** A reader on {@code terminal} with history in {@code historyFile}, completing from {@code shell}'s catalog. */
    static LineReader create(Terminal terminal, Path historyFile, Shell shell) {
        Supplier<SqlWords> words = () -> SqlWords.of(shell.session().dialect());
        return builder(terminal, historyFile)
                .completer(new SqlCompleter(shell.catalog(), shell.metaCommands(), words))
                .highlighter(new SqlHighlighter(words))
                .build();
    }

    private static LineReaderBuilder builder(Terminal terminal, Path historyFile) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("skiff")
                .parser(new SqlLineParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, Shell.CONTINUATION_PROMPT)
                // '!' and '^' are SQL operators here, not references into the history.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                // Ctrl-R and the up arrow find a statement typed once, not every time it was run.
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_GROUP, true)
                .option(LineReader.Option.GROUP, true);
    }
}
