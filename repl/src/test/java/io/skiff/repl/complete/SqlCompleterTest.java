package io.skiff.repl.complete;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.repl.Session;
import io.skiff.repl.command.MetaCommands;
import io.skiff.repl.render.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion candidates in each context, from a real database's metadata and items. */
class SqlCompleterTest {

    @TempDir
    Path dir;

    private Session session;
    private Catalog catalog;
    private SqlCompleter completer;
    private LineReader reader;

    @BeforeEach
    void setUp() throws Exception {
        session = new Session(DriverManager::getConnection, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), OutputFormat.TABLE, null, null);
        session.connect("jdbc:skiff:mem:");
        try (Statement statement = session.connection().createStatement()) {
            statement.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
            statement.execute("CREATE TABLE \"my-orders\" (id VARCHAR, PRIMARY KEY (id))");
            statement.execute("INSERT INTO users (pk, name, city, \"group\") VALUES ('u1', 'Ova', 'Santos', 'a')");
            statement.execute("INSERT INTO \"my-orders\" (id, total) VALUES ('o1', 3)");
        }
        catalog = new Catalog(session);
        completer = new SqlCompleter(catalog, MetaCommands.standard());
        reader = LineReaderBuilder.builder()
                .terminal(new DumbTerminal(InputStream.nullInputStream(), new ByteArrayOutputStream())).build();
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private List<String> candidates(String typed) {
        return candidates(typed, typed.length());
    }

    private List<String> candidates(String typed, int cursor) {
        ParsedLine line = new io.skiff.repl.SqlLineParserAccess().parse(typed, cursor);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, line, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void aStatementStartsWithItsKeywordsInTheCaseBeingTyped() {
        assertThat(candidates("")).contains("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE").doesNotContain("FROM");
        assertThat(candidates("sel")).contains("select").doesNotContain("SELECT");
        assertThat(candidates("SELECT 1; up")).contains("update");
    }

    @Test
    void partiqlOffersItsOwnWordsWhileTheSessionSpeaksIt() throws SQLException {
        completer = new SqlCompleter(catalog, MetaCommands.standard(), () -> SqlWords.of(session.dialect()));
        assertThat(candidates("SELECT * FROM users WHERE ")).contains("COUNT(").doesNotContain("MISSING", "BEGINS_WITH(");
        session.dialect("partiql");
        assertThat(candidates("")).contains("SELECT", "INSERT", "EXISTS").doesNotContain("CREATE", "WITH");
        assertThat(candidates("SELECT * FROM users WHERE ")).contains("MISSING", "BEGINS_WITH(", "ATTRIBUTE_TYPE(",
                "city", "name").doesNotContain("COUNT(", "JOIN");
        assertThat(candidates("SELECT * FROM ")).containsExactlyInAnyOrder("\"my-orders\"", "users");
        assertThat(candidates("\\dialect ")).containsExactly("sql", "partiql");
        assertThat(candidates("\\consistency ")).containsExactly("eventual", "strong");
    }

    @Test
    void afterFromComeTablesQuotedWhereSqlNeedsIt() {
        assertThat(candidates("SELECT * FROM ")).containsExactlyInAnyOrder("\"my-orders\"", "users");
        assertThat(candidates("INSERT INTO us")).contains("users");
        assertThat(candidates("select * from users u join ")).contains("users", "\"my-orders\"");
    }

    @Test
    void columnsAndSampledAttributesOfTheTablesTheStatementNames() {
        List<String> names = candidates("SELECT na FROM users WHERE ");
        assertThat(names).contains("pk", "name", "_doc", "city", "\"group\"", "WHERE", "COUNT(")
                .doesNotContain("id", "total");
        assertThat(candidates("SELECT * FROM \"my-orders\" WHERE t")).contains("id", "total").doesNotContain("city");
    }

    @Test
    void aQualifierNarrowsToItsTableOrAlias() {
        // The alias may come after the cursor, as when the select list is written last.
        assertThat(candidates("SELECT u. FROM users u", "SELECT u.".length())).contains("u.name", "u.city");
        assertThat(candidates("SELECT * FROM users u WHERE u.")).containsExactlyInAnyOrder("u.pk", "u.name", "u._doc",
                "u.city", "u.\"group\"");
        assertThat(candidates("SELECT * FROM users AS x, \"my-orders\" o WHERE o.")).containsExactlyInAnyOrder("o.id",
                "o._doc", "o.total");
        assertThat(candidates("SELECT users.")).contains("users.name");
    }

    @Test
    void shellCommandsAndTheirArguments() throws Exception {
        assertThat(candidates("\\")).contains("\\dt", "\\d", "\\import", "\\export", "\\x", "\\timing", "\\h", "\\dialect");
        assertThat(candidates("\\d ")).containsExactlyInAnyOrder("users", "my-orders");
        assertThat(candidates("\\import users ")).isNotEmpty().doesNotContain("users");
        assertThat(candidates("\\format ")).containsExactly("table", "vertical", "csv", "json", "jsonl");
        assertThat(candidates("\\timing ")).containsExactly("on", "off");
        assertThat(candidates("\\q ")).isEmpty();
        Files.writeString(dir.resolve("data.jsonl"), "{}");
        assertThat(candidates("\\import users " + dir + "/da")).anyMatch(value -> value.endsWith("data.jsonl"));
    }

    @Test
    void theCatalogIsReadOnceAndForgottenWhenTablesChange() throws SQLException {
        assertThat(catalog.tables()).containsExactly("my-orders", "users");
        try (Statement statement = session.connection().createStatement()) {
            statement.execute("CREATE TABLE extra (pk VARCHAR, PRIMARY KEY (pk))");
        }
        assertThat(catalog.tables()).containsExactly("my-orders", "users");
        session.schemaChanged();
        assertThat(catalog.tables()).containsExactly("extra", "my-orders", "users");
    }

    @Test
    void withoutAConnectionYetOnlyKeywordsAreOffered() {
        Session unconnected = new Session(url -> {
            throw new SQLException("never");
        }, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), OutputFormat.TABLE, null, null);
        SqlCompleter offline = new SqlCompleter(new Catalog(unconnected), MetaCommands.standard());
        List<Candidate> candidates = new ArrayList<>();
        offline.complete(reader, new io.skiff.repl.SqlLineParserAccess().parse("SELECT * FROM "), candidates);
        assertThat(candidates).isEmpty();
        candidates.clear();
        offline.complete(reader, new io.skiff.repl.SqlLineParserAccess().parse("SELECT x FROM t WHERE "), candidates);
        assertThat(candidates).extracting(Candidate::value).contains("AND", "NOT").doesNotContain("users");
    }
}
