package io.skiff.sql.partiql;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PartiQL test corpus file: setup directives and cases, run in order against one fresh
 * database. The format is line-oriented:
 *
 * <pre>
 * # a comment
 * table Music Artist:S SongTitle:S      create a table: name, partition key, optional sort key
 * put Music {"Artist":{"S":"a"}, ...}   store an item directly (DynamoDB JSON), bypassing PartiQL
 * > SELECT * FROM Music                 a statement; consecutive '>' lines join with newlines
 * ? {"S":"a"}                           a parameter value (DynamoDB JSON), one line each, in order
 * limit 2                               the request's Limit
 * = {"Artist":{"S":"a"}}                an expected item, in order; '= none' expects no items
 * unordered                             compare the items in any order
 * more                                  expect a NextToken (without it: expect none)
 * ! VALIDATION_ERROR 1:30 some words    expect this error code [at line:column] [whose message contains the words]
 * then                                  run the same statement again with the previous NextToken;
 *                                       expectations after it are that page's
 * </pre>
 *
 * Every case with an expected error also checks that no table changed. The file is reusable by
 * any face that runs PartiQL (the session here, JDBC with dialect=partiql later): see
 * {@link Runner}.
 */
public final class Corpus {

    /** What runs a corpus: a database holding tables, and a way to run statements on it. */
    public interface Runner {
        void createTable(TableSchema schema);

        void put(String table, Item item);

        PartiqlResult execute(String statement, List<AttributeValue> parameters, OptionalInt limit,
                              Optional<String> nextToken);

        /** Every item of every table, to check that a rejected statement changed nothing. */
        Object contents();
    }

    /** One entry of a file, in order. */
    public sealed interface Entry permits Table, Put, Case {
        int line();
    }

    public record Table(TableSchema schema, int line) implements Entry {
    }

    public record Put(String table, Item item, int line) implements Entry {
    }

    /** The expectation of one page: items, or an error. */
    public record Expectation(List<Item> items, boolean unordered, boolean more, Optional<ErrorCode> error,
                       Optional<String> position, Optional<String> messagePart) {
    }

    /** A statement with its parameters and the pages it must return. */
    public record Case(String statement, List<AttributeValue> parameters, OptionalInt limit, List<Expectation> pages,
                int line) implements Entry {
        public String name() {
            String oneLine = statement.replace('\n', ' ');
            return "line " + line + ": " + (oneLine.length() > 100 ? oneLine.substring(0, 97) + "..." : oneLine);
        }
    }

    private Corpus() {
    }

    /**
     * Every corpus file, in name order, whether the corpus sits in a directory or in the test jar
     * another module reads it from.
     */
    public static List<Path> files() throws IOException {
        java.net.URI location;
        try {
            location = Corpus.class.getResource("/partiql").toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path directory;
        if ("jar".equals(location.getScheme())) {
            try {
                directory = java.nio.file.FileSystems.newFileSystem(location, java.util.Map.of()).getPath("/partiql");
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                directory = java.nio.file.FileSystems.getFileSystem(location).getPath("/partiql");
            }
        } else {
            directory = Path.of(location);
        }
        try (java.util.stream.Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".partiql"))
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** Every item of every table of {@code store}, by table, to compare before and after a statement. */
    public static Object contents(io.skiff.storage.api.ItemStore store) {
        java.util.Map<String, List<String>> all = new java.util.TreeMap<>();
        for (TableSchema schema : store.listTables()) {
            List<String> items = new ArrayList<>();
            io.skiff.storage.api.Scan scan = io.skiff.storage.api.Scan.table(schema.name());
            while (true) {
                io.skiff.storage.api.Page page = store.scan(scan);
                page.items().forEach(item -> items.add(ItemJson.writeItem(item)));
                if (page.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                scan = scan.startAfter(page.lastEvaluatedKey().get());
            }
            all.put(schema.name(), items);
        }
        return all;
    }

    /**
     * The tests of one file, in order: each case runs after the setup entries (tables, puts) that
     * come before it, and a last test closes what the file used.
     */
    public static org.junit.jupiter.api.DynamicContainer container(Path file,
            org.junit.jupiter.api.function.ThrowingConsumer<Entry> setup,
            org.junit.jupiter.api.function.ThrowingConsumer<Case> run,
            org.junit.jupiter.api.function.Executable close) throws IOException {
        List<org.junit.jupiter.api.DynamicNode> tests = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        for (Entry entry : read(file)) {
            if (entry instanceof Case testCase) {
                List<Entry> before = List.copyOf(pending);
                pending.clear();
                tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(testCase.name(), () -> {
                    for (Entry each : before) {
                        setup.accept(each);
                    }
                    run.accept(testCase);
                }));
            } else {
                pending.add(entry);
            }
        }
        tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest("close", close));
        return org.junit.jupiter.api.DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
    }

    /** The entries of one file, in order. */
    public static List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        CaseBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            int number = i + 1;
            try {
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (line.startsWith(">")) {
                    if (current != null && !current.statementDone) {
                        current.statement.append('\n').append(line.substring(1).strip());
                        continue;
                    }
                    if (current != null) {
                        entries.add(current.build());
                    }
                    current = new CaseBuilder(line.substring(1).strip(), number);
                    continue;
                }
                if (trimmed.startsWith("table ") || trimmed.startsWith("put ")) {
                    if (current != null) {
                        entries.add(current.build());
                        current = null;
                    }
                    entries.add(trimmed.startsWith("table ") ? table(trimmed, number) : put(trimmed, number));
                    continue;
                }
                if (current == null) {
                    throw new IllegalArgumentException("expected a statement ('>') first");
                }
                current.statementDone = true;
                current.add(trimmed);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ":" + number + ": " + e.getMessage(), e);
            }
        }
        if (current != null) {
            entries.add(current.build());
        }
        return entries;
    }

    private static Table table(String line, int number) {
        String[] parts = line.split("\\s+");
        KeyAttribute partition = key(parts[2]);
        TableSchema schema = parts.length > 3 ? TableSchema.of(parts[1], partition, key(parts[3]))
                : TableSchema.of(parts[1], partition);
        return new Table(schema, number);
    }

    private static KeyAttribute key(String spec) {
        String[] parts = spec.split(":");
        return KeyAttribute.of(parts[0], AttributeType.fromTag(parts[1]));
    }

    private static Put put(String line, int number) {
        String[] parts = line.split("\\s+", 3);
        return new Put(parts[1], ItemJson.readItem(parts[2]), number);
    }

    private static final class CaseBuilder {
        private final StringBuilder statement;
        private final int line;
        private final List<AttributeValue> parameters = new ArrayList<>();
        private OptionalInt limit = OptionalInt.empty();
        private final List<Expectation> pages = new ArrayList<>();
        private boolean statementDone;
        // the page being described
        private List<Item> items = new ArrayList<>();
        private boolean itemsGiven;
        private boolean unordered;
        private boolean more;
        private Optional<ErrorCode> error = Optional.empty();
        private Optional<String> position = Optional.empty();
        private Optional<String> messagePart = Optional.empty();

        CaseBuilder(String first, int line) {
            this.statement = new StringBuilder(first);
            this.line = line;
        }

        void add(String line) {
            if (line.startsWith("? ")) {
                parameters.add(ItemJson.readValue(line.substring(2).strip()));
            } else if (line.startsWith("limit ")) {
                limit = OptionalInt.of(Integer.parseInt(line.substring(6).strip()));
            } else if (line.equals("= none")) {
                itemsGiven = true;
            } else if (line.startsWith("= ")) {
                itemsGiven = true;
                items.add(ItemJson.readItem(line.substring(2).strip()));
            } else if (line.equals("unordered")) {
                unordered = true;
            } else if (line.equals("more")) {
                more = true;
            } else if (line.startsWith("! ")) {
                String[] parts = line.substring(2).strip().split("\\s+", 3);
                error = Optional.of(ErrorCode.valueOf(parts[0]));
                int next = 1;
                if (parts.length > 1 && parts[1].matches("\\d+:\\d+")) {
                    position = Optional.of(parts[1]);
                    next = 2;
                }
                if (parts.length > next) {
                    messagePart = Optional.of(String.join(" ", java.util.Arrays.copyOfRange(parts, next, parts.length)));
                }
            } else if (line.equals("then")) {
                endPage();
            } else {
                throw new IllegalArgumentException("unknown line: " + line);
            }
        }

        private void endPage() {
            if (!itemsGiven && error.isEmpty()) {
                throw new IllegalArgumentException("a case needs '= ...', '= none' or '! CODE' before 'then' or its end");
            }
            pages.add(new Expectation(List.copyOf(items), unordered, more, error, position, messagePart));
            items = new ArrayList<>();
            itemsGiven = false;
            more = false;
            error = Optional.empty();
            position = Optional.empty();
            messagePart = Optional.empty();
        }

        Case build() {
            endPage();
            return new Case(statement.toString(), List.copyOf(parameters), limit, List.copyOf(pages), line);
        }
    }
}
