package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptTest {

    private static final InputStream NO_INPUT = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path dir;

    @Test
    void aFileIsReadAsUtf8AndNamedForErrorReports() throws IOException {
        Path file = Files.writeString(dir.resolve("s.sql"), "SELECT 'Zoë';", UTF_8);
        assertThat(Script.read(file.toString(), NO_INPUT)).isEqualTo(new Script("SELECT 'Zoë';", file.toString()));
    }

    @Test
    void dashIsStandardInput() throws IOException {
        Script script = Script.read("-", new ByteArrayInputStream("SELECT 1;".getBytes(UTF_8)));
        assertThat(script).isEqualTo(new Script("SELECT 1;", "<stdin>"));
    }

    @Test
    void aMissingFileSaysSoPlainly() {
        assertThatThrownBy(() -> Script.read(dir.resolve("nope.sql").toString(), NO_INPUT))
                .isInstanceOf(IOException.class).hasMessage("No such file: " + dir.resolve("nope.sql"));
    }
}
