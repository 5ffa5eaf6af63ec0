package io.skiff.jdbc.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.jdbc.SkiffErrors;
import io.skiff.jdbc.embedded.EmbeddedDatabase;
import io.skiff.jdbc.embedded.EmbeddedDatabases;
import io.skiff.sql.exec.JdbcValues;
import io.skiff.sql.partiql.Corpus;
import io.skiff.sql.schema.SqlValues;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.PutItem;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PartiQL corpus of the adapter (see {@link Corpus}) run through the embedded JDBC driver
 * with {@code dialect=partiql}: the same statements and parameters, the same items and errors.
 *
 * <p>JDBC reads every page of a SELECT, so a case's pages are compared as one result: all of
 * them in order (a prefix when the last expected page still has more). Rows turn back into items
 * by the rules of the dialect's result sets: {@code SELECT *} rows are the keys plus {@code _doc};
 * a SELECT list's NULL column is an attribute the item lacks, so expected NULL attributes are
 * compared as absent there. Cases whose error comes on a later page (a NextToken JDBC never
 * sends) do not apply.
 */
public class JdbcCorpusTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    /** Where one corpus file's cases run: a store to set its tables up in, and a PartiQL JDBC connection. */
    public interface Target extends AutoCloseable {
        io.skiff.storage.api.ItemStore store();

        Connection connection();

        @Override
        void close() throws Exception;
    }

    /** A fresh embedded database, shared by a store and a {@code dialect=partiql} connection. */
    protected Target open() throws SQLException {
        String name = "partiql-corpus-" + UUID.randomUUID();
        EmbeddedDatabase database = EmbeddedDatabases.openMemory(name, EngineOptions.defaults());
        Properties properties = new Properties();
        properties.setProperty("dialect", "partiql");
        Connection connection = DriverManager.getConnection("jdbc:skiff:mem:" + name, properties);
        return new Target() {
            @Override
            public io.skiff.storage.api.ItemStore store() {
                return database.store();
            }

            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws SQLException {
                connection.close();
                database.close();
            }
        };
    }

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : Corpus.files()) {
            containers.add(container(file));
        }
        return containers.stream();
    }

    /** The corpus as JDBC sees it is the adapter's whole corpus, not a convenient part of it. */
    @AfterAll
    static void almostEveryCaseApplies() {
        if (CASES.get() > 0) {
            assertThat(RUN.get()).as("corpus cases run through JDBC out of " + CASES.get())
                    .isGreaterThanOrEqualTo(CASES.get() - 5);
        }
    }

    @Test
    void theCorpusHasAtLeastThreeHundredCases() throws IOException {
        int count = 0;
        for (Path file : Corpus.files()) {
            count += (int) Corpus.read(file).stream().filter(Corpus.Case.class::isInstance).count();
        }
        assertThat(count).isGreaterThanOrEqualTo(300);
    }

    private DynamicContainer container(Path file) throws IOException {
        CASES.addAndGet((int) Corpus.read(file).stream().filter(Corpus.Case.class::isInstance).count());
        Database database = new Database(this::open);
        return Corpus.container(file, database::apply, testCase -> run(database, testCase), database::close);
    }

    private static void run(Database database, Corpus.Case testCase) throws SQLException {
        List<Corpus.Expectation> pages = testCase.pages();
        Corpus.Expectation first = pages.get(0);
        boolean limitError = testCase.limit().isPresent() && first.error().isPresent();
        if (limitError || pages.stream().skip(1).anyMatch(page -> page.error().isPresent())) {
            return;
        }
        RUN.incrementAndGet();
        String what = testCase.name();
        int markers = first.error().isPresent() ? database.markerCount(testCase) : -1;
        if (markers >= 0 && markers != testCase.parameters().size()) {
            // JDBC checks the values against the markers itself, before the statement runs.
            Object before = database.contents();
            SQLException e = catchThrowableOfType(SQLException.class, () -> database.execute(testCase));
            assertThat((Throwable) e).as("%s: expected a parameter error", what).isNotNull();
            assertThat(e.getSQLState()).as("%s: %s", what, e.getMessage()).isIn("07001", "07009");
            assertThat((Object) database.contents()).as("%s: data after a rejected statement", what).isEqualTo(before);
            return;
        }
        if (first.error().isPresent()) {
            Object before = database.contents();
            SQLException e = catchThrowableOfType(SQLException.class, () -> database.execute(testCase));
            assertThat((Throwable) e).as("%s: expected %s", what, first.error().get()).isNotNull();
            ErrorCode code = SkiffErrors.codeOf(e).orElse(null);
            assertThat(code).as("%s: %s", what, e.getMessage()).isEqualTo(first.error().get());
            assertThat(e.getErrorCode()).as(what).isEqualTo(code.number());
            assertThat(e.getSQLState()).as(what).isEqualTo(code.sqlState());
            first.position().ifPresent(at -> assertThat(SkiffErrors.lineOf(e) + ":" + SkiffErrors.columnOf(e))
                    .as("%s: position of %s", what, e.getMessage()).isEqualTo(at));
            first.messagePart().ifPresent(part -> assertThat(e.getMessage()).as(what).contains(part));
            assertThat(database.contents()).as("%s: data after a rejected statement", what).isEqualTo(before);
            return;
        }
        Result result = database.execute(testCase);
        List<Item> expected = new ArrayList<>();
        boolean unordered = false;
        for (Corpus.Expectation page : pages) {
            unordered |= page.unordered();
            page.items().forEach(item -> expected.add(result.wholeItems() ? item : withoutNulls(item)));
        }
        boolean more = pages.get(pages.size() - 1).more();
        List<Item> actual = result.items();
        String shown = what + " gave " + actual.stream().map(ItemJson::writeItem).toList();
        if (more) {
            assertThat(actual.size()).as(shown).isGreaterThanOrEqualTo(expected.size());
            if (unordered) {
                assertThat(actual).as(shown).containsAll(expected);
            } else {
                assertThat(actual.subList(0, expected.size())).as(shown).containsExactlyElementsOf(expected);
            }
        } else if (unordered) {
            assertThat(actual).as(shown).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(actual).as(shown).containsExactlyElementsOf(expected);
        }
    }

    private static Item withoutNulls(Item item) {
        Item.Builder kept = Item.builder();
        item.attributes().forEach((name, value) -> {
            if (value.type() != io.skiff.core.value.AttributeType.NULL) {
                kept.put(name, value);
            }
        });
        return kept.build();
    }

    @FunctionalInterface
    private interface TargetOpener {
        Target open() throws SQLException;
    }

    /** What a statement gave through JDBC: its rows as items (none for an update count). */
    private record Result(List<Item> items, boolean wholeItems) {
    }

    /** One corpus file's database: set up through the store, queried through a PartiQL JDBC connection. */
    private static final class Database {
        private final TargetOpener opener;
        private Target target;
        private Connection connection;

        Database(TargetOpener opener) {
            this.opener = opener;
        }

        private void open() throws SQLException {
            if (target == null) {
                target = opener.open();
                connection = target.connection();
            }
        }

        void apply(Corpus.Entry entry) {
            try {
                open();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (entry instanceof Corpus.Table table) {
                target.store().createTable(table.schema());
            } else if (entry instanceof Corpus.Put put) {
                target.store().put(PutItem.of(put.table(), put.item()));
            }
        }

        Object contents() throws SQLException {
            open();
            return Corpus.contents(target.store());
        }

        /** How many markers the statement has, or -1 when it does not prepare. */
        int markerCount(Corpus.Case testCase) throws SQLException {
            open();
            try (PreparedStatement statement = connection.prepareStatement(testCase.statement())) {
                return statement.getParameterMetaData().getParameterCount();
            } catch (SQLException e) {
                return -1;
            }
        }

        Result execute(Corpus.Case testCase) throws SQLException {
            open();
            try (PreparedStatement statement = connection.prepareStatement(testCase.statement())) {
                List<AttributeValue> parameters = testCase.parameters();
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, JdbcValues.ofAttribute(parameters.get(i)));
                }
                if (!statement.execute()) {
                    return new Result(List.of(), true);
                }
                try (ResultSet rows = statement.getResultSet()) {
                    return items(rows);
                }
            }
        }

        private static Result items(ResultSet rows) throws SQLException {
            ResultSetMetaData meta = rows.getMetaData();
            int count = meta.getColumnCount();
            boolean whole = meta.getColumnLabel(count).equals("_doc");
            List<Item> items = new ArrayList<>();
            while (rows.next()) {
                Item.Builder item = Item.builder();
                for (int column = 1; column <= count; column++) {
                    Object value = rows.getObject(column);
                    if (whole && column == count) {
                        ((Map<?, ?>) value).forEach((name, v) -> item.put((String) name, SqlValues.fromSql(v)));
                    } else if (value != null) {
                        item.put(meta.getColumnLabel(column), SqlValues.fromSql(value));
                    }
                }
                items.add(item.build());
            }
            return new Result(items, whole);
        }

        void close() throws Exception {
            if (target != null) {
                target.close();
            }
        }
    }
}
