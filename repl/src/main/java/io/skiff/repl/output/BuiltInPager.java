package io.skiff.repl.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;

/**
 * JLine's own {@code less}, for systems without a pager program. It pages text it has whole, so
 * the text is collected first and shown when the statement has written all of it.
 */
public final class BuiltInPager implements Pager {

    private final Terminal terminal;
    private StringWriter text;

    /** A pager on {@code terminal}. */
    public BuiltInPager(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Writer start() {
        text = new StringWriter();
        return text;
    }

    @Override
    public void finish() throws IOException {
        if (text == null) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text = null;
        Less less = new Less(terminal, Path.of("").toAbsolutePath());
        less.chopLongLines = true;
        less.noInit = true;
        try {
            less.run(new Source.InputStreamSource(new ByteArrayInputStream(bytes), true, "result"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("paging interrupted");
        }
    }
}
