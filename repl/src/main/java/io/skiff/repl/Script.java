package io.skiff.repl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Statements given on the command line: the text of {@code -e}, or a file of {@code -f}
 * ({@code -} is standard input). Files are UTF-8.
 *
 * @param text   the statements
 * @param source the file name for error reports, or {@code null} for {@code -e}
 */
public record Script(String text, String source) {

    static final String STDIN = "-";

    static Script inline(String sql) {
        return new Script(sql, null);
    }

    /** Reads a file, or standard input for {@code -}, with a message fit for a user when it cannot. */
    public static Script read(String file, InputStream stdin) throws IOException {
        if (file.equals(STDIN)) {
            return new Script(new String(stdin.readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
        }
        try {
            return new Script(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            throw new IOException("No such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IOException("Permission denied: " + file, e);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
