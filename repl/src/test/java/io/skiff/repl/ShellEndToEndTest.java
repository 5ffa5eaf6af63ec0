package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell against the real embedded driver and a real database in a temporary directory. */
class ShellEndToEndTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Main(new SkiffHome(dir.resolve("home")), DriverManager::getConnection,
                new ByteArrayInputStream(new byte[0]), false, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)).run(args);
    }

    @Test
    void statementsRunAgainstTheDefaultDurableDatabase() {
        assertThat(run("-e", "CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk));"
                + " INSERT INTO users (pk, name, city) VALUES ('u1', 'Ova', 'Santos'), ('u2', 'Bo', 'Rio');")).isZero();
        assertThat(out.toString(UTF_8)).contains("OK").contains("OK, 2 rows affected");
        assertThat(Files.isDirectory(dir.resolve("home").resolve("data").resolve("db"))).isTrue();

        assertThat(run("-e", "SELECT name, city FROM users WHERE pk = 'u1'")).isZero();
        assertThat(out.toString(UTF_8)).contains("Ova").contains("Santos").contains("(1 row)");

        assertThat(run("--format", "csv", "-e", "SELECT pk, _doc FROM users WHERE pk IN ('u1', 'u2') ORDER BY pk"))
                .isZero();
        assertThat(out.toString(UTF_8)).contains("u1,").contains("\"{\"\"city\"\":\"\"Santos\"\"}\"");
    }

    @Test
    void errorsAreOneLineWithCodeAndSqlStateAndStopAScript() throws Exception {
        run("-e", "CREATE TABLE users (pk VARCHAR, PRIMARY KEY (pk)); INSERT INTO users (pk) VALUES ('u1')");
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "INSERT INTO users (pk) VALUES ('u2');\nINSERT INTO users (pk) VALUES ('u1');\n"
                + "INSERT INTO users (pk) VALUES ('u3');\n");
        assertThat(run("-f", script.toString())).isEqualTo(1);
        String error = err.toString(UTF_8).strip();
        assertThat(error).startsWith("ERROR DUPLICATE_ITEM (23505): Duplicate item").doesNotContain("\tat ")
                .contains("script.sql:2");
        assertThat(run("-e", "SELECT pk FROM users ORDER BY pk")).isZero();
        assertThat(out.toString(UTF_8)).contains("u1").contains("u2").doesNotContain("u3");

        assertThat(run("-e", "SELECT *\nFROM users\nWHERE pk = = 'a'")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("ERROR SYNTAX_ERROR (42601)").contains("line 3, column 10");
    }
}
