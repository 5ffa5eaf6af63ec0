package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shell command and output format, through -e, -f and standard input, on a real database. */
class ShellCommandsEndToEndTest {

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void createTables() {
        cli = new Cli(dir);
        assertThat(cli.run("-e", """
                CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk));
                INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3), ('u2', 'Bo', 'Rio', 1);
                CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq));
                """)).as(cli.err()).isZero();
    }

    @Test
    void listTablesWithTheirKeys() {
        assertThat(cli.run("-e", "\\dt")).isZero();
        assertThat(cli.out()).isEqualTo("""
                 table  | partition key | sort key
                --------+---------------+----------
                 events | device        | seq
                 users  | pk            | NULL
                (2 rows)
                """);
        assertThat(cli.run("-e", "\\dt us*")).isZero();
        assertThat(cli.out()).contains(" users ").doesNotContain("events");
    }

    @Test
    void describeATableItsKeysColumnsIndexesAndSampledAttributes() {
        assertThat(cli.run("-e", "\\d events;")).isZero();
        assertThat(cli.out()).isEqualTo("""
                Table "events"
                 column | type    | key           | nullable
                --------+---------+---------------+----------
                 device | VARCHAR | partition key | no
                 seq    | DECIMAL | sort key      | no
                 kind   | VARCHAR | NULL          | yes
                 _doc   | MAP     | NULL          | yes
                (4 rows)
                Indexes:
                 index   | unique | columns     | using
                ---------+--------+-------------+-------------
                 PRIMARY | yes    | device, seq | primary key
                (1 row)
                Undeclared attributes in the first 20 items: none
                """);
        assertThat(cli.run("-e", "\\d users")).isZero();
        assertThat(cli.out()).contains("Undeclared attributes in the first 20 items: city, visits");

        assertThat(cli.run("-e", "\\d nope")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("ERROR: No table named 'nope' (\\dt lists the tables)" + System.lineSeparator());
    }

    @Test
    void listIndexes() {
        assertThat(cli.run("-e", "CREATE INDEX by_kind ON events USING radix (kind)")).isZero();
        assertThat(cli.out()).matches("OK, \\d+ items? indexed\\R");
        assertThat(cli.run("-e", "\\di")).isZero();
        assertThat(cli.out()).isEqualTo("""
                 table  | index   | unique | columns     | using
                --------+---------+--------+-------------+-------------
                 events | PRIMARY | yes    | device, seq | primary key
                 events | by_kind | no     | kind        | USING radix
                 users  | PRIMARY | yes    | pk          | primary key
                (3 rows)
                """);
        assertThat(cli.run("-e", "\\di users")).isZero();
        assertThat(cli.out()).contains(" users | PRIMARY").doesNotContain("events");
    }

    @Test
    void explainTheLastStatementOrTheOneGiven() {
        assertThat(cli.run("-e", "SELECT name FROM users WHERE pk = 'u1'; \\explain")).isZero();
        assertThat(cli.out()).contains("Ova").contains("point get");
        assertThat(cli.run("-e", "\\explain SELECT * FROM events WHERE device = 'd' AND seq > 3")).isZero();
        assertThat(cli.out()).contains("range scan");
        assertThat(cli.run("-e", "\\explain")).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: No statement to explain yet");
        assertThat(cli.run("-e", "\\explain SELECT * FORM users")).isEqualTo(1);
        assertThat(cli.err()).contains("SYNTAX_ERROR").contains("^");
    }

    @Test
    void everyFormatThroughTheFlagAndTheCommand() {
        String query = "SELECT pk, name, visits FROM users ORDER BY pk";
        assertThat(cli.run("--format", "csv", "-e", query)).isZero();
        assertThat(cli.out()).isEqualTo("pk,name,visits\nu1,Ova,3\nu2,Bo,1\n");
        assertThat(cli.run("--format", "jsonl", "-e", query)).isZero();
        assertThat(cli.out()).isEqualTo("{\"pk\":\"u1\",\"name\":\"Ova\",\"visits\":3}\n{\"pk\":\"u2\",\"name\":\"Bo\",\"visits\":1}\n");
        assertThat(cli.run("-e", "\\format json\n" + query)).isZero();
        // Once the format is for machines, messages go to standard error.
        assertThat(cli.err()).contains("Output format is json.");
        assertThat(cli.out()).isEqualTo("[\n  {\"pk\":\"u1\",\"name\":\"Ova\",\"visits\":3},\n  {\"pk\":\"u2\",\"name\":\"Bo\",\"visits\":1}\n]\n");
        assertThat(cli.run("-e", "\\x\n" + query + " LIMIT 1")).isZero();
        assertThat(cli.out()).isEqualTo("Vertical format is on.\n-[ RECORD 1 ]-\n pk     | u1\n name   | Ova\n visits | 3\n(1 row)\n");
        assertThat(cli.run("--format", "vertical", "-e", "\\x off\n" + query + " LIMIT 1")).isZero();
        assertThat(cli.out()).isEqualTo("Vertical format is off.\n pk | name | visits\n----+------+--------\n u1 | Ova  |      3\n(1 row)\n");
        assertThat(cli.run("-e", "\\format xml")).isEqualTo(1);
        assertThat(cli.err()).contains("Unknown format 'xml'; expected one of table, vertical, csv, json, jsonl");
    }

    @Test
    void timingFollowsEachStatement() {
        assertThat(cli.run("-e", "\\timing on\nSELECT 1;\n\\timing\nSELECT 2;")).isZero();
        assertThat(cli.out()).containsPattern("Timing is on\\.\n[\\s\\S]*\\(1 row\\)\nTime: \\d+\\.\\d{3} ms\nTiming is off\\.\n");
        assertThat(cli.out().split("Time: ", -1)).hasSize(2);
        assertThat(cli.run("-e", "\\timing maybe")).isEqualTo(1);
        assertThat(cli.err()).contains("Usage: \\timing [on|off]");
    }

    @Test
    void outputToAFileAndBack() throws Exception {
        Path file = dir.resolve("out.txt");
        assertThat(cli.run("-e", "\\o '" + file + "'\nSELECT name FROM users WHERE pk = 'u1';\n\\o\nSELECT 'screen' AS x;")).isZero();
        assertThat(Files.readString(file)).isEqualTo(" name\n------\n Ova\n(1 row)\n".replace("\n", System.lineSeparator()));
        assertThat(cli.out()).contains("Results go to " + file).contains("Results go to the screen.").contains("screen")
                .doesNotContain("Ova");
        assertThat(cli.run("-e", "\\o " + dir.resolve("no/such/dir/x.txt"))).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: Cannot write");
    }

    @Test
    void includeAScriptWithItsOwnErrorLocations() throws Exception {
        Path script = dir.resolve("inner.sql");
        Files.writeString(script, "\\timing off\nSELECT name FROM users WHERE pk = 'u2';\n\nSELECT nope FROM missing;\nSELECT 3;\n");
        assertThat(cli.run("-e", "\\i " + script)).isEqualTo(1);
        assertThat(cli.out()).contains("Bo").doesNotContain(" 3\n");
        assertThat(cli.err()).contains("TABLE_NOT_FOUND").contains("(statement at " + script + ":4)");

        Files.writeString(script, "\\i " + script + "\n");
        assertThat(cli.run("-e", "\\i " + script)).isEqualTo(1);
        assertThat(cli.err()).contains("more than " + Shell.MAX_INCLUDE_DEPTH + " deep");

        assertThat(cli.run("-e", "\\i " + dir.resolve("missing.sql"))).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: No such file: ");
    }

    @Test
    void connectToAnotherDatabaseAndKeepTheOldOneWhenThatFails() {
        assertThat(cli.run("-e", "\\connect\n\\c jdbc:skiff:mem:\n\\dt\n\\connect jdbc:nope:x\n\\c")).isEqualTo(1);
        assertThat(cli.out()).contains("Connected to " + cli.url()).contains("Connected to jdbc:skiff:mem:")
                .contains("(0 rows)");
        assertThat(cli.err()).contains("ERROR 08001: No suitable driver found for jdbc:nope:x");
        assertThat(cli.run("--continue-on-error", "-e", "\\connect jdbc:nope:x\n\\c\n\\dt")).isEqualTo(1);
        assertThat(cli.out()).contains("Connected to " + cli.url()).contains(" users ");
    }

    @Test
    void errorsPointAtTheFaultyPositionWithACaret() {
        assertThat(cli.run("-e", "SELECT *\nFROM users\nWHERE pk = = 'a'")).isEqualTo(1);
        assertThat(cli.err().split(System.lineSeparator())).containsExactly(
                "ERROR SYNTAX_ERROR (42601): Encountered '= =' at line 3, column 10",
                "  WHERE pk = = 'a'",
                "           ^");
        assertThat(cli.run("-e", "SELECT name FROM userz")).isEqualTo(1);
        assertThat(cli.err().split(System.lineSeparator())).containsExactly(
                "ERROR TABLE_NOT_FOUND (42S02): Table 'userz' does not exist at line 1, column 18",
                "  SELECT name FROM userz",
                "                   ^");
    }

    @Test
    void statementsPipedOnStandardInputRunLikeAScript() {
        assertThat(cli.runWithInput("SELECT name FROM users WHERE pk = 'u1';\n\\format csv\nSELECT 'x' AS y;\n")).isZero();
        assertThat(cli.out()).contains("Ova").endsWith("y\nx\n");
        assertThat(cli.runWithInput("SELECT 1;\nSELECT * FROM missing;\nSELECT 2;\n")).isEqualTo(1);
        assertThat(cli.err()).contains("(statement at <stdin>:2)");
        assertThat(cli.out()).doesNotContain(" 2\n");
    }

    @Test
    void theFirstErrorStopsUnlessToldToGoOnButTheStatusStillSaysSomethingFailed() {
        String script = "SELECT 'a' AS x; SELECT * FROM missing; SELECT 'b' AS x";
        assertThat(cli.run("-e", script, "-e", "SELECT 'c' AS x")).isEqualTo(1);
        assertThat(cli.out()).contains(" a\n").doesNotContain(" b\n").doesNotContain(" c\n");
        assertThat(cli.run("--continue-on-error", "-e", script, "-e", "SELECT 'c' AS x")).isEqualTo(1);
        assertThat(cli.out()).contains(" a\n").contains(" b\n").contains(" c\n");
        assertThat(cli.run("--continue-on-error", "-e", "SELECT 'a' AS x")).isZero();
    }

    @Test
    void machineFormatsKeepMessagesOffStandardOutput() {
        assertThat(cli.run("--format", "jsonl", "-e", "\\timing on\nINSERT INTO users (pk) VALUES ('u3');\n"
                + "SELECT pk FROM users WHERE pk = 'u3'")).isZero();
        assertThat(cli.out()).isEqualTo("{\"pk\":\"u3\"}\n");
        assertThat(cli.err()).contains("Timing is on.").contains("OK, 1 row affected").contains("Time: ");
        String bytes = cli.out.toString(UTF_8);
        assertThat(bytes).doesNotContain("Time");
    }

    @Test
    void partiqlFromTheFlagAndFromTheDialectCommand() {
        assertThat(cli.run("--dialect", "partiql", "--format", "csv", "-e", """
                INSERT INTO users VALUE {'pk': 'u3', 'name': 'Cy', 'tags': <<'a', 'b'>>};
                SELECT name, tags FROM users WHERE pk = 'u3';
                """)).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("name,tags\nCy,\"[\"\"a\"\",\"\"b\"\"]\"\n");

        assertThat(cli.run("--format", "csv", "-e", """
                \\dialect
                \\dialect partiql
                SELECT pk FROM users WHERE name IS MISSING;
                UPDATE users SET visits = visits + 1 WHERE pk = 'u1' RETURNING MODIFIED NEW *;
                \\explain
                \\dialect sql
                SELECT visits FROM users WHERE pk = 'u1';
                """)).as(cli.err()).isZero();
        assertThat(cli.err()).contains("Statements are SQL.", "Statements are PartiQL (DynamoDB's dialect).");
        assertThat(cli.out()).contains("pk\n", "pk,_doc\n,\"{\"\"visits\"\":4}\"", "point get", "visits\n4\n");
    }

    @Test
    void importExportAndDescribeWorkWhileTheUserWritesPartiql() throws Exception {
        Path file = dir.resolve("more.jsonl");
        Files.writeString(file, "{\"pk\": \"u7\", \"name\": \"Di\", \"score\": 9}\n");
        Path exported = dir.resolve("out.csv");
        assertThat(cli.run("--dialect", "partiql", "-e", "\\import users " + file + "\n\\export users " + exported
                + "\n\\d users")).as(cli.err()).isZero();
        assertThat(Files.readString(exported)).contains("u7,Di").contains("u1,Ova");
        assertThat(cli.out()).contains("Undeclared attributes in the first 20 items: city, score, visits");
    }

    @Test
    void consistencyIsSetShownAndRefusedWhenUnknownAndClusterSaysThereIsNone() {
        assertThat(cli.run("--format", "csv", "-e", """
                \\consistency
                \\consistency strong
                SELECT name FROM users WHERE pk = 'u1';
                \\cluster
                """)).as(cli.err()).isZero();
        assertThat(cli.err()).contains("Reads are eventual", "Reads are strong",
                "Connected to an embedded database: one node, not a cluster.");
        assertThat(cli.out()).isEqualTo("name\nOva\n");

        assertThat(cli.run("-e", "\\consistency sometimes")).isEqualTo(1);
        assertThat(cli.err()).contains("Unknown consistency 'sometimes'; use eventual or strong");
    }

    @Test
    void aBadDialectIsRefusedAndTheDialectStays() {
        assertThat(cli.run("--dialect", "cobol", "-e", "SELECT 1;")).isEqualTo(2);
        assertThat(cli.err()).contains("'cobol' is not a dialect; use sql or partiql");

        assertThat(cli.run("-e", "\\dialect cobol\nSELECT name FROM users WHERE pk = 'u1';")).isEqualTo(1);
        assertThat(cli.err()).contains("Unknown dialect 'cobol'; use sql or partiql");
        assertThat(cli.run("--continue-on-error", "--format", "csv", "-e",
                "\\dialect cobol\nSELECT name FROM users WHERE pk = 'u1';")).isEqualTo(1);
        assertThat(cli.out()).isEqualTo("name\nOva\n");

        assertThat(cli.run("--dialect", "partiql", "-e", "SELECT * FROM users WHERE pk = 'u1' AND;")).isEqualTo(1);
        assertThat(cli.err()).contains("SYNTAX_ERROR").contains("^");
    }
}
