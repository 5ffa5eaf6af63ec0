package io.skiff.repl;

import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

/** Builds the JLine reader the interactive shell reads statements with. */
final class ShellLineReader {

    private ShellLineReader() {
    }

    /** A reader on {@code terminal} that keeps its history in {@code historyFile}. */
    static LineReader create(Terminal terminal, Path historyFile) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("skiff")
                .parser(new SqlLineParser())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, Shell.CONTINUATION_PROMPT)
                // '!' and '^' are SQL operators here, not references into the history.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }
}
