package io.skiff.repl.bulk;

import io.skiff.repl.command.CommandException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats of {@code \import} and {@code \export}, told by the file name's extension. */
enum FileFormat {
    /** JSON Lines: {@code .jsonl} or {@code .ndjson}. */
    JSONL,
    /** RFC 4180 CSV with a header line: {@code .csv}. */
    CSV;

    static FileFormat of(Path file) throws CommandException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new CommandException("Cannot tell the format of " + file + ": name it .jsonl (JSON Lines) or .csv");
    }
}
