package io.skiff.repl;

import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;

/** Lets tests of other packages parse a line as the shell's reader does, with the cursor at its end. */
public final class SqlLineParserAccess {

    public ParsedLine parse(String line) {
        return parse(line, line.length());
    }

    public ParsedLine parse(String line, int cursor) {
        return new SqlLineParser().parse(line, cursor, ParseContext.COMPLETE);
    }
}
