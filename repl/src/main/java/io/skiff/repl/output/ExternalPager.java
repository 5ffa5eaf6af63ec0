package io.skiff.repl.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;

/**
 * A pager program such as {@code less}: it reads the text on its standard input and talks to
 * the user on the terminal the shell runs in, which it inherits.
 */
public final class ExternalPager implements Pager {

    private final List<String> command;
    private final Charset charset;
    private Process process;

    /**
     * @param command the program and its arguments
     * @param charset the terminal's encoding, which the text is written in
     */
    public ExternalPager(List<String> command, Charset charset) {
        this.command = List.copyOf(command);
        this.charset = charset;
    }

    /** The command this pager runs. */
    public List<String> command() {
        return command;
    }

    @Override
    public Writer start() throws IOException {
        process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new OutputStreamWriter(process.getOutputStream(), charset);
    }

    @Override
    public void finish() throws IOException {
        if (process == null) {
            return;
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }
}
