package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.Engine;
import io.skiff.storage.api.PutItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every corpus file under {@code src/test/resources/partiql/} through the PartiQL session,
 * each file against its own fresh database on a real RocksDB; see {@link Corpus} for the format.
 */
class CorpusTest {

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<Path> files = Corpus.files();
        assertThat(files).isNotEmpty();
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            containers.add(container(file));
        }
        return containers.stream();
    }

    @org.junit.jupiter.api.Test
    void theCorpusOnlyGrows() throws IOException {
        assertThat(caseCount()).isGreaterThanOrEqualTo(300);
    }

    /** Total cases over every file; the corpus is meant to grow, never to shrink. */
    static int caseCount() throws IOException {
        int count = 0;
        for (Path file : Corpus.files()) {
            count += (int) Corpus.read(file).stream().filter(Corpus.Case.class::isInstance).count();
        }
        return count;
    }

    private static DynamicContainer container(Path file) throws IOException {
        SessionRunner runner = new SessionRunner();
        return Corpus.container(file, runner::apply, testCase -> run(runner, testCase), runner::close);
    }

    static void run(Corpus.Runner runner, Corpus.Case testCase) {
        Optional<String> token = Optional.empty();
        for (int page = 0; page < testCase.pages().size(); page++) {
            Corpus.Expectation expected = testCase.pages().get(page);
            String what = testCase.name() + (page > 0 ? " (page " + (page + 1) + ")" : "");
            Optional<String> pageToken = token;
            if (expected.error().isPresent()) {
                Object before = runner.contents();
                SkiffException e = catchThrowableOfType(SkiffException.class, () -> runner.execute(
                        testCase.statement(), testCase.parameters(), testCase.limit(), pageToken));
                assertThat(e).as("%s: expected %s", what, expected.error().get()).isNotNull();
                assertThat(e.code()).as("%s: %s", what, e.getMessage()).isEqualTo(expected.error().get());
                expected.position().ifPresent(at -> assertThat(e.line() + ":" + e.column())
                        .as("%s: position of %s", what, e.getMessage()).isEqualTo(at));
                expected.messagePart().ifPresent(part -> assertThat(e.getMessage()).as(what).contains(part));
                assertThat(runner.contents()).as("%s: data after a rejected statement", what).isEqualTo(before);
                return;
            }
            PartiqlResult result = runner.execute(testCase.statement(), testCase.parameters(), testCase.limit(),
                    pageToken);
            List<String> actual = result.items().stream().map(ItemJson::writeItem).toList();
            List<String> wanted = expected.items().stream().map(ItemJson::writeItem).toList();
            if (expected.unordered()) {
                assertThat(result.items()).as(what + " gave " + actual).containsExactlyInAnyOrderElementsOf(expected.items());
            } else {
                assertThat(result.items()).as(what + " gave " + actual + ", expected " + wanted)
                        .containsExactlyElementsOf(expected.items());
            }
            assertThat(result.nextToken().isPresent()).as("%s: whether a NextToken comes back", what)
                    .isEqualTo(expected.more());
            token = result.nextToken();
        }
    }

    /** The corpus run through a {@link PartiqlSession} over an embedded engine. */
    static final class SessionRunner implements Corpus.Runner {
        private Path directory;
        private Engine engine;
        private PartiqlSession session;

        private void open() {
            if (engine == null) {
                try {
                    directory = Files.createTempDirectory("partiql-corpus");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                engine = Engine.open(directory, PartiqlFixture.SMALL);
                session = PartiqlFixture.engineOver(engine, Clock.systemUTC()).openSession();
            }
        }

        void apply(Corpus.Entry entry) {
            if (entry instanceof Corpus.Table table) {
                createTable(table.schema());
            } else if (entry instanceof Corpus.Put put) {
                put(put.table(), put.item());
            }
        }

        @Override
        public void createTable(TableSchema schema) {
            open();
            engine.createTable(schema);
        }

        @Override
        public void put(String table, Item item) {
            open();
            engine.put(PutItem.of(table, item));
        }

        @Override
        public PartiqlResult execute(String statement, List<AttributeValue> parameters, OptionalInt limit,
                                     Optional<String> nextToken) {
            open();
            ExecuteOptions options = new ExecuteOptions(limit, nextToken, false);
            return session.execute(statement, parameters, options);
        }

        @Override
        public Object contents() {
            open();
            return Corpus.contents(engine);
        }

        void close() throws IOException {
            if (engine != null) {
                session.close();
                engine.close();
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }
}
