package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code \import} and {@code \export} on a real database: round trips, bad rows, stopping on errors. */
class ImportExportEndToEndTest {

    private static final String PEOPLE = "(pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))";

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String rows(String table) {
        assertThat(cli.run("--format", "jsonl", "-e", "SELECT * FROM " + table + " ORDER BY pk")).as(cli.err()).isZero();
        return cli.out();
    }

    private static final String PEOPLE_JSONL = """
            {"pk":"a1","name":"Ann","age":31,"tags":["x","y"],"address":{"city":"Santos"}}
            {"pk":"a2","name":"Bob"}
            not json
            {"pk":"a1","name":"dup"}
            {"name":"no key"}
            [1,2]

            {"pk":"a3","name":"Cy","ok":true,"nothing":null,"big":12345678901234567890.5}
            """;

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesImported() throws Exception {
        Path file = write("people.jsonl", PEOPLE_JSONL);
        assertThat(cli.run("-e", "CREATE TABLE people " + PEOPLE)).isZero();
        // Batches of 2: the duplicate fails its batch, which is written again row by row.
        assertThat(cli.run("-e", "\\import people " + file + " --batch-size=2")).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactly(
                "ERROR: invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or "
                        + "token 'null', 'true' or 'false') (line 3 of people.jsonl)",
                "ERROR DUPLICATE_ITEM (23505): Duplicate item: table 'people' already has an item with key "
                        + "{\"pk\":{\"S\":\"a1\"}} (line 4 of people.jsonl)",
                "ERROR VALIDATION_ERROR (22023): Missing the key attribute 'pk' in the item for table 'people' "
                        + "(line 5 of people.jsonl)",
                "ERROR: not a JSON object (line 6 of people.jsonl)");
        assertThat(cli.out()).startsWith("Imported 3 rows into people from people.jsonl in ")
                .endsWith("; 4 bad rows skipped.\n");
        assertThat(rows("people")).isEqualTo("""
                {"pk":"a1","name":"Ann","_doc":{"age":31,"tags":["x","y"],"address":{"city":"Santos"}}}
                {"pk":"a2","name":"Bob","_doc":{}}
                {"pk":"a3","name":"Cy","_doc":{"ok":true,"nothing":null,"big":12345678901234567890.5}}
                """);
    }

    @Test
    void stopOnErrorKeepsTheRowsBeforeTheBadOneAndNoneAfter() throws Exception {
        Path file = write("people.jsonl", PEOPLE_JSONL);
        assertThat(cli.run("-e", "CREATE TABLE people " + PEOPLE)).isZero();
        assertThat(cli.run("-e", "\\import people " + file + " --stop-on-error")).isEqualTo(1);
        assertThat(cli.err().lines()).hasSize(1).allMatch(line -> line.endsWith("(line 3 of people.jsonl)"));
        assertThat(cli.out()).startsWith("Stopped at the first bad row: imported 2 rows into people");
        assertThat(rows("people")).contains("a1", "a2").doesNotContain("a3");

        // A row the database refuses stops the import too, after the rows of its batch before it.
        Path dup = write("dup.jsonl", "{\"pk\":\"b1\"}\n{\"pk\":\"b2\"}\n{\"pk\":\"a1\"}\n{\"pk\":\"b3\"}\n");
        assertThat(cli.run("-e", "\\import people " + dup + " --stop-on-error")).isEqualTo(1);
        assertThat(cli.err()).contains("DUPLICATE_ITEM").contains("(line 3 of dup.jsonl)");
        assertThat(rows("people")).contains("b1", "b2").doesNotContain("b3");
    }

    @Test
    void exportedJsonLinesImportBackTheSameItems() throws Exception {
        cli.run("-e", "CREATE TABLE people " + PEOPLE + "; CREATE TABLE copy " + PEOPLE);
        cli.run("-e", "\\import people " + write("people.jsonl", PEOPLE_JSONL));
        Path exported = dir.resolve("out.jsonl");
        assertThat(cli.run("-e", "\\export people " + exported)).isZero();
        assertThat(cli.out()).startsWith("Exported 3 rows of people to " + exported + " in ");
        assertThat(Files.readString(exported)).startsWith(
                "{\"pk\":\"a1\",\"name\":\"Ann\",\"age\":31,\"tags\":[\"x\",\"y\"],\"address\":{\"city\":\"Santos\"}}\n");
        assertThat(cli.run("-e", "\\import copy " + exported)).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Imported 3 rows into copy");
        assertThat(rows("copy")).isEqualTo(rows("people"));
    }

    @Test
    void exportedCsvImportsBackTheSameItemsWithTheirTypes() throws Exception {
        cli.run("-e", "CREATE TABLE things (pk VARCHAR, n DECIMAL, ok BOOLEAN, b VARBINARY, note VARCHAR, PRIMARY KEY (pk));"
                + "CREATE TABLE copy (pk VARCHAR, n DECIMAL, ok BOOLEAN, b VARBINARY, note VARCHAR, PRIMARY KEY (pk));"
                + "INSERT INTO things (pk, n, ok, b, note, extra, list) VALUES ('t1', 1.5, true, X'00ff', 'a,\"b\"\nc', 7, 'x');"
                + "INSERT INTO things (pk, note) VALUES ('t2', '')");
        Path exported = dir.resolve("things.csv");
        assertThat(cli.run("-e", "\\export things " + exported)).as(cli.err()).isZero();
        assertThat(Files.readString(exported)).isEqualTo("pk,n,ok,b,note,_doc\r\n"
                + "t1,1.5,true,AP8=,\"a,\"\"b\"\"\nc\",\"{\"\"extra\"\":7,\"\"list\"\":\"\"x\"\"}\"\r\n"
                + "t2,,,,\"\",\r\n");
        assertThat(cli.run("-e", "\\import copy " + exported)).as(cli.err()).isZero();
        assertThat(rows("copy")).isEqualTo(rows("things"));
    }

    @Test
    void csvFromElsewhereGetsTypesForUndeclaredFieldsAndItsBadRecordsReported() throws Exception {
        assertThat(cli.run("-e", "CREATE TABLE items (pk VARCHAR, n DECIMAL, PRIMARY KEY (pk))")).isZero();
        Path file = write("in.csv", "pk,n,age,zip,active,note\n"
                + "c1,1,42,01234,true,\"7\"\n"
                + "c2,abc,1,2,3,4\n"
                + "c3,2,x\n"
                + "c4,,,,,\n"
                + "c5,3,\"unclosed\n");
        assertThat(cli.run("-e", "\\import items " + file)).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactly(
                "ERROR: column n is a number, not 'abc' (line 3 of in.csv)",
                "ERROR: the record has 3 fields, the header 6 (line 4 of in.csv)",
                "ERROR: the quote opened on line 6 is not closed (line 6 of in.csv)");
        assertThat(rows("items")).isEqualTo("""
                {"pk":"c1","n":1,"_doc":{"age":42,"zip":"01234","active":true,"note":"7"}}
                {"pk":"c4","n":null,"_doc":{}}
                """);
    }

    @Test
    void mistakesAreClearErrorsThatChangeNothing() throws Exception {
        assertThat(cli.run("-e", "CREATE TABLE items " + PEOPLE)).isZero();
        Path good = write("good.jsonl", "{\"pk\":\"x\"}\n");
        assertThat(cli.run("-e", "\\import nope " + good)).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("ERROR: No table named 'nope' (\\dt lists the tables)" + System.lineSeparator());
        assertThat(cli.run("-e", "\\import items " + dir.resolve("missing.jsonl"))).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: No such file: ");
        assertThat(cli.run("-e", "\\import items " + write("data.txt", "x"))).isEqualTo(1);
        assertThat(cli.err()).contains("name it .jsonl (JSON Lines) or .csv");
        assertThat(cli.run("-e", "\\import items " + good + " --fast")).isEqualTo(1);
        assertThat(cli.err()).contains("Unknown option --fast of \\import");
        assertThat(cli.run("-e", "\\import items " + good + " --batch-size=0")).isEqualTo(1);
        assertThat(cli.err()).contains("--batch-size takes a number of rows from 1 on");
        assertThat(cli.run("-e", "\\import items")).isEqualTo(1);
        assertThat(cli.err()).contains("Usage: \\import TABLE FILE [--stop-on-error] [--batch-size=N]");
        assertThat(cli.run("-e", "\\import items " + write("dup.csv", "pk,pk\n1,2\n"))).isEqualTo(1);
        assertThat(cli.err()).contains("the header names column 'pk' twice");
        assertThat(cli.run("-e", "\\export nope " + dir.resolve("x.csv"))).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
        assertThat(rows("items")).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }
}
