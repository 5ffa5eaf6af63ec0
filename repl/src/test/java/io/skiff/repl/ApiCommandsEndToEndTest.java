package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skiff.server.SkiffServer;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skiff subcommands for scripts against a real server: JSON in and out, exit statuses. */
class ApiCommandsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Engine engine;
    private static SkiffServer server;
    private static String endpoint;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        engine = Engine.open(dir.resolve("db"), EngineOptions.defaults());
        server = SkiffServer.start(engine, "127.0.0.1", 0, Duration.ofMinutes(5));
        endpoint = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(5));
        engine.close();
    }

    private int skiff(String stdin, String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, 1);
        all[1] = "--endpoint";
        all[2] = endpoint;
        System.arraycopy(args, 1, all, 3, args.length - 1);
        Main main = new Main(new SkiffHome(dir.resolve("home")), DriverManager::getConnection,
                new ByteArrayInputStream(stdin.getBytes(UTF_8)), false, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        return main.run(all);
    }

    private JsonNode output() throws Exception {
        return JSON.readTree(out.toString(UTF_8));
    }

    @Test
    void tablesItemsQueriesAndStatementsRoundTripAsJson() throws Exception {
        assertThat(skiff("", "create-table", "--table-name", "Music", "--partition-key", "Artist:S",
                "--sort-key", "SongTitle:S")).as(err.toString(UTF_8)).isZero();
        assertThat(output().at("/TableDescription/SortKey/AttributeName").asText()).isEqualTo("SongTitle");

        assertThat(skiff("", "put-item", "--table-name", "Music", "--item",
                "{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Hi\"},\"Year\":{\"N\":\"2001\"}}")).isZero();
        Path item = dir.resolve("item.json");
        Files.writeString(item, "{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Yo\"},\"Year\":{\"N\":\"2004\"}}");
        assertThat(skiff("", "put-item", "--table-name", "Music", "--item", "@" + item)).isZero();
        assertThat(skiff("{\"Artist\":{\"S\":\"Bolt\"},\"SongTitle\":{\"S\":\"Z\"}}", "put-item", "--table-name",
                "Music", "--item", "-")).as(err.toString(UTF_8)).isZero();

        assertThat(skiff("", "get-item", "--table-name", "Music", "--key",
                "{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Hi\"}}", "--projection-expression", "#y",
                "--expression-attribute-names", "{\"#y\":\"Year\"}")).isZero();
        assertThat(output().get("Item").toString()).isEqualTo("{\"Year\":{\"N\":\"2001\"}}");

        assertThat(skiff("", "update-item", "--table-name", "Music", "--key",
                "{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Hi\"}}", "--update-expression", "SET Plays = :p",
                "--expression-attribute-values", "{\":p\":{\"N\":\"7\"}}", "--return-values", "UPDATED_NEW")).isZero();
        assertThat(output().get("Attributes").toString()).isEqualTo("{\"Plays\":{\"N\":\"7\"}}");

        assertThat(skiff("", "query", "--table-name", "Music", "--key-condition-expression", "Artist = :a",
                "--expression-attribute-values", "{\":a\":{\"S\":\"Acme\"}}", "--no-scan-index-forward")).isZero();
        assertThat(output().get("Count").asInt()).isEqualTo(2);
        assertThat(output().at("/Items/0/SongTitle/S").asText()).isEqualTo("Yo");

        assertThat(skiff("", "scan", "--table-name", "Music", "--select", "COUNT")).isZero();
        assertThat(output().get("Count").asInt()).isEqualTo(3);

        assertThat(skiff("", "execute-statement", "--statement",
                "SELECT SongTitle FROM Music WHERE Artist = ? AND Year > ?", "--parameters",
                "[{\"S\":\"Acme\"},{\"N\":\"2002\"}]")).isZero();
        assertThat(output().get("Items").toString()).isEqualTo("[{\"SongTitle\":{\"S\":\"Yo\"}}]");

        assertThat(skiff("", "explain", "--statement", "SELECT * FROM Music WHERE Artist = 'Acme'")).isZero();
        assertThat(output().get("Plan").toString()).contains("range scan");

        assertThat(skiff("", "batch-write", "--request-items", "{\"Music\":[{\"DeleteRequest\":{\"Key\":"
                + "{\"Artist\":{\"S\":\"Bolt\"},\"SongTitle\":{\"S\":\"Z\"}}}}]}")).isZero();
        assertThat(skiff("", "list-tables")).isZero();
        assertThat(output().get("TableNames").toString()).contains("\"Music\"");
        assertThat(skiff("", "describe-table", "--table-name", "Music")).isZero();
        assertThat(output().at("/Table/PartitionKey/AttributeType").asText()).isEqualTo("S");
    }

    @Test
    void failuresHaveExitStatusesScriptsCanTest() throws Exception {
        skiff("", "create-table", "--table-name", "Counters", "--partition-key", "id:N");
        assertThat(skiff("", "put-item", "--table-name", "Counters", "--item", "{\"id\":{\"N\":\"1\"}}",
                "--condition-expression", "attribute_not_exists(id)")).isZero();
        assertThat(skiff("", "put-item", "--table-name", "Counters", "--item", "{\"id\":{\"N\":\"1\"}}",
                "--condition-expression", "attribute_not_exists(id)")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).startsWith("skiff: [CONDITIONAL_CHECK_FAILED]");

        assertThat(skiff("", "transact-write", "--transact-items", "[{\"Put\":{\"TableName\":\"Counters\","
                + "\"Item\":{\"id\":{\"N\":\"2\"}}}},{\"ConditionCheck\":{\"TableName\":\"Counters\",\"Key\":"
                + "{\"id\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_not_exists(id)\"}}]")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("[TRANSACTION_CANCELLED]").contains("reasons: None, CONDITIONAL_CHECK_FAILED");

        assertThat(skiff("", "execute-statement", "--statement", "SELECT * FORM Counters")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("[SYNTAX_ERROR]").contains("line 1, column 10");

        assertThat(skiff("", "put-item", "--table-name", "Counters", "--item", "{not json")).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("--item is not valid JSON");

        assertThat(skiff("", "create-table", "--table-name", "X1x")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("--partition-key");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        out.reset();
        err.reset();
        Main main = new Main(new SkiffHome(dir.resolve("home")), DriverManager::getConnection,
                new ByteArrayInputStream(new byte[0]), false, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        assertThat(main.run(new String[] {"list-tables", "--endpoint", "127.0.0.1:" + closed})).isEqualTo(3);
        assertThat(err.toString(UTF_8)).contains("no Skiff server answers");

        // A list of servers: one that refuses the connection is passed over quietly.
        err.reset();
        assertThat(main.run(new String[] {"list-tables", "--endpoint", "127.0.0.1:" + closed + "," + endpoint}))
                .isZero();
        assertThat(out.toString(UTF_8)).contains("Counters");
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void theNamesTheShellChecksAreTheSubcommandsItRegisters() {
        io.skiff.repl.cli.CliIo streams = new io.skiff.repl.cli.CliIo(new ByteArrayInputStream(new byte[0]),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        java.util.Set<String> registered = new java.util.HashSet<>();
        for (Object command : io.skiff.repl.cli.ApiCommands.all(streams, java.util.Map.of())) {
            registered.add(command instanceof picocli.CommandLine line ? line.getCommandName()
                    : command.getClass().getAnnotation(picocli.CommandLine.Command.class).name());
        }
        assertThat(registered).isEqualTo(io.skiff.repl.cli.ApiCommands.NAMES);
    }
}
