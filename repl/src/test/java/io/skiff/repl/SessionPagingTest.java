package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.repl.output.Pager;
import io.skiff.repl.render.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** Tall results go to the pager only in an interactive session with paging on; tables fit the terminal. */
class SessionPagingTest {

    private final StringWriter paged = new StringWriter();
    private final Pager pager = new Pager() {
        @Override
        public Writer start() {
            return paged;
        }

        @Override
        public void finish() {
        }
    };

    private void runTallQuery(Session session) throws SQLException {
        session.connect("jdbc:skiff:mem:");
        JdbcSqlRunner runner = new JdbcSqlRunner(session);
        runner.execute("CREATE TABLE nums (pk VARCHAR, note VARCHAR, PRIMARY KEY (pk))");
        StringBuilder insert = new StringBuilder("INSERT INTO nums (pk, note) VALUES ");
        for (int i = 0; i < 30; i++) {
            insert.append(i == 0 ? "" : ", ").append("('k").append(i).append("', '").append("n".repeat(100)).append("')");
        }
        runner.execute(insert.toString());
        runner.execute("SELECT * FROM nums");
    }

    private Terminal terminal(ByteArrayOutputStream screen, int width, int height) throws Exception {
        Terminal terminal = new DumbTerminal("test", "xterm", new ByteArrayInputStream(new byte[0]), screen, UTF_8);
        terminal.setSize(new Size(width, height));
        return terminal;
    }

    @Test
    void aResultTallerThanTheTerminalIsPagedAndCutToItsWidth() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(screen, 60, 20);
             Session session = new Session(DriverManager::getConnection, terminal.writer(),
                     new PrintWriter(new StringWriter()), OutputFormat.TABLE, terminal, pager)) {
            runTallQuery(session);
        }
        assertThat(paged.toString()).contains(" k1 ").contains("(30 rows)").contains("…");
        assertThat(paged.toString().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(screen.toString(UTF_8)).contains("OK, 30 rows affected").doesNotContain("(30 rows)");
    }

    @Test
    void withPagingOffItIsPrintedAndSoItIsWithoutATerminal() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(screen, 60, 20);
             Session session = new Session(DriverManager::getConnection, terminal.writer(),
                     new PrintWriter(new StringWriter()), OutputFormat.TABLE, terminal, pager)) {
            session.paging(false);
            runTallQuery(session);
        }
        assertThat(screen.toString(UTF_8)).contains("(30 rows)");

        StringWriter out = new StringWriter();
        try (Session session = new Session(DriverManager::getConnection, new PrintWriter(out),
                new PrintWriter(new StringWriter()), OutputFormat.TABLE, null, pager)) {
            runTallQuery(session);
        }
        // Not a terminal: nothing paged and nothing cut.
        assertThat(out.toString()).contains("(30 rows)").contains("n".repeat(100));
        assertThat(paged.toString()).isEmpty();
    }
}
