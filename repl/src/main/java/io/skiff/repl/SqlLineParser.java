package io.skiff.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when Enter finishes the input: when every statement in it is terminated by
 * {@code ;} (or it is a shell command). Otherwise JLine keeps editing the same buffer on a new
 * line under the continuation prompt, so a multi-line statement is one history entry, is
 * recalled whole, and Ctrl-C drops all of it.
 */
final class SqlLineParser implements Parser {

    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !StatementSplitter.split(line).complete()
                && ShellCommand.parse(line).isEmpty()) {
            throw new EOFError(-1, -1, "statement not terminated by ;", ";");
        }
        // Word splitting only serves line editing (completion, word moves); it never throws.
        return words.parse(line, cursor, ParseContext.SPLIT_LINE);
    }
}
