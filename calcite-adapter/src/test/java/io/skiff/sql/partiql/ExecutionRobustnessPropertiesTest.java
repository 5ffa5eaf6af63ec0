package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.storage.Engine;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.Scan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever statement and parameters come in, running them either succeeds or fails with a
 * Skiff error a client can act on (syntax, validation, unknown table, failed condition, duplicate
 * key): never an internal error or another exception, and a rejected statement changes nothing.
 * Statements are valid ones mutated at random, with random parameter values, against a real
 * engine.
 */
class ExecutionRobustnessPropertiesTest {

    private static final List<String> STATEMENTS = List.of(
            "SELECT a, b.c[1] FROM Music WHERE Artist = ? AND SongTitle BETWEEN 'A' AND 'Z' ORDER BY SongTitle DESC",
            "SELECT * FROM Music WHERE Artist IN ['Acme', ?] AND begins_with(SongTitle, ?) AND size(a) > 1",
            "SELECT * FROM Counters WHERE id = ? OR id = 2 AND n IS NOT MISSING",
            "SELECT * FROM Counters WHERE n <> MISSING AND contains(tags, ?) AND attribute_type(n, ?)",
            "INSERT INTO Music VALUE {'Artist': ?, 'SongTitle': 'x', 'n': 1.5e3, 'l': [1, <<'a', 'b'>>], 'm': {'k': ?}}",
            "INSERT INTO Counters VALUE {'id': ?, 'n': 0, 'tags': <<?, 'z'>>}",
            "UPDATE Music SET n = n + 1, l = list_append(l, [1]) REMOVE b[0] WHERE Artist = 'Acme' AND SongTitle = ?"
                    + " RETURNING ALL NEW *",
            "UPDATE Counters SET tags = set_add(tags, <<?>>) WHERE id = ? AND n >= 0 RETURNING MODIFIED OLD *",
            "DELETE FROM Music WHERE Artist = ? AND SongTitle = 'x' AND attribute_type(a, 'S') RETURNING ALL OLD *",
            "DELETE FROM Counters WHERE id = ? AND NOT (n BETWEEN 1 AND 5)",
            "EXISTS(SELECT * FROM Counters WHERE id = 1 AND n IS NOT MISSING)");
    private static final List<String> PIECES = List.of("SELECT", "FROM", "WHERE", "SET", "REMOVE", "VALUE", "(", ")",
            "[", "]", "{", "}", "<<", ">>", "'", "\"", ",", ".", "?", "=", "<>", "<", "AND", "OR", "NOT", "IN", "IS",
            "MISSING", "NULL", "1e999", "-", "+", "*", "size(", "Artist", "SongTitle", "id", "Music", "Counters",
            "ORDER BY", "\n", ";", "5", "'Acme'", "1E125", "-0");

    private static Path directory;
    private static Engine engine;
    private static PartiqlSession session;

    @BeforeContainer
    static void open() throws IOException {
        directory = Files.createTempDirectory("partiql-robustness");
        engine = Engine.open(directory, PartiqlFixture.SMALL);
        session = PartiqlFixture.engineOver(engine, Clock.systemUTC()).openSession();
        engine.createTable(TableSchema.of("Music", KeyAttribute.of("Artist", AttributeType.S),
                KeyAttribute.of("SongTitle", AttributeType.S)));
        engine.createTable(TableSchema.of("Counters", KeyAttribute.of("id", AttributeType.N)));
        session.execute("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'x', 'n': 1, 'a': 'text', 'l': []}");
        session.execute("INSERT INTO Counters VALUE {'id': 1, 'n': 3, 'tags': <<'a'>>}");
    }

    @AfterContainer
    static void close() throws IOException {
        session.close();
        engine.close();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 500)
    void runningAnythingFailsOnlyWithActionableErrorsAndRejectionsChangeNothing(
            @ForAll("mutatedStatements") String text, @ForAll("parameters") List<AttributeValue> pool,
            @ForAll("mostly") boolean matchMarkers, @ForAll("limits") Optional<Integer> limit) {
        // Mostly as many values as the text has markers, so that most statements get to run.
        int markers = (int) text.chars().filter(c -> c == '?').count();
        List<AttributeValue> parameters = matchMarkers && markers <= pool.size() ? pool.subList(0, markers) : pool;
        Map<String, List<String>> before = contents();
        ExecuteOptions options = limit.map(ExecuteOptions.DEFAULT::withLimit).orElse(ExecuteOptions.DEFAULT);
        try {
            PartiqlResult result = session.execute(text, parameters, options);
            result.nextToken().ifPresent(token -> session.execute(text, parameters, options.withNextToken(token)));
            Statistics.collect("succeeded");
        } catch (SkiffException e) {
            Statistics.collect(e.code());
            assertThat(e.code()).as(text + " -> " + e.getMessage()).isIn(ErrorCode.SYNTAX_ERROR,
                    ErrorCode.VALIDATION_ERROR, ErrorCode.TABLE_NOT_FOUND, ErrorCode.CONDITIONAL_CHECK_FAILED,
                    ErrorCode.DUPLICATE_ITEM, ErrorCode.ITEM_TOO_LARGE);
            assertThat(contents()).as("data after the rejected %s", text).isEqualTo(before);
        }
    }

    private static Map<String, List<String>> contents() {
        Map<String, List<String>> all = new TreeMap<>();
        for (TableSchema schema : engine.listTables()) {
            List<String> items = new ArrayList<>();
            Page page = engine.scan(Scan.table(schema.name()));
            page.items().forEach(item -> items.add(ItemJson.writeItem(item)));
            all.put(schema.name(), items);
        }
        return all;
    }

    @Provide
    Arbitrary<List<AttributeValue>> parameters() {
        // Strings and numbers fit most markers (keys); the rest test what does not fit.
        Arbitrary<AttributeValue> fitting = Arbitraries.of(AttributeValue.s("Acme"), AttributeValue.s("x"),
                AttributeValue.n(1), AttributeValue.n(2));
        Arbitrary<AttributeValue> any = Arbitraries.of(AttributeValue.s("Acme"), AttributeValue.s("x"),
                AttributeValue.s(""), AttributeValue.n(1), AttributeValue.n(2), AttributeValue.n("-1.5"),
                AttributeValue.s("N"), AttributeValue.b(new byte[] {1}), AttributeValue.nul(),
                AttributeValue.bool(true), AttributeValue.ss("q"), AttributeValue.ns("7"),
                AttributeValue.l(AttributeValue.n(1)), AttributeValue.m(Map.of("k", AttributeValue.s("v"))));
        return Arbitraries.frequencyOf(Tuple.of(3, fitting), Tuple.of(1, any)).list().ofMinSize(4).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Boolean> mostly() {
        return Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    }

    @Provide
    Arbitrary<Optional<Integer>> limits() {
        return Arbitraries.integers().between(1, 3).optional();
    }

    @Provide
    Arbitrary<String> mutatedStatements() {
        Arbitrary<String> seeds = Arbitraries.of(STATEMENTS);
        Arbitrary<String> mutation = Combinators.combine(seeds, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 20), Arbitraries.of(PIECES), Arbitraries.integers().between(0, 2))
                .as((seed, at, length, piece, kind) -> {
                    int start = at % (seed.length() + 1);
                    int end = Math.min(seed.length(), start + length);
                    return switch (kind) {
                        case 0 -> seed.substring(0, start) + seed.substring(end);
                        case 1 -> seed.substring(0, start) + " " + piece + " " + seed.substring(start);
                        default -> seed.substring(0, start) + " " + piece + " " + seed.substring(end);
                    };
                });
        return Arbitraries.frequencyOf(Tuple.of(2, seeds), Tuple.of(1, mutation));
    }
}
