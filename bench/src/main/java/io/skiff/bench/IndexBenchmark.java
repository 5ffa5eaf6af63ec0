package io.skiff.bench;

import io.skiff.core.expr.Path;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ItemSize;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.ItemCodec;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.TransactWriteItem;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Skiff's secondary index plugins at the storage level: one table of {@code --items} rows
 * ({@link IndexBenchData}) with trigram indexes on a full name and on the given name alone, a
 * geohash index on a place, a vectorlsh index on a 128-dimensional embedding and a radix index on
 * a code, and five kinds of query, each answered in the same run through its index (the probe's
 * candidates, then the exact distance operator) and by a full scan of the table (every item, the
 * same exact operator):
 *
 * <ul>
 * <li>fuzzy: {@code levenshtein(name, q) <= 2}, q a stored full name with one random edit, and the
 *     same on the given name alone (short strings, where trigrams narrow far less);</li>
 * <li>geo: {@code haversine(loc, p) <= 1500} meters, p drawn around a city;</li>
 * <li>vector: the 10 items nearest by {@code cosine} to a stored embedding with noise added;</li>
 * <li>prefix: {@code begins_with(code, 'xy')}, two random letters.</li>
 * </ul>
 *
 * <p>Exact plugins must give exactly the scan's keys; for vectorlsh the figure is recall@10 against
 * the scan's exact top 10. Beside both, raw RocksDB iterates a copy of the table (Skiff's key
 * bytes and encoded items in a database opened with the same options) reading every key and value:
 * the floor under any full scan. Each kind runs {@value #WARMUP_QUERIES} warm-up queries, then
 * {@code --queries} timed ones; index, scan and raw iteration take turns query by query.
 *
 * <pre>java ... io.skiff.bench.IndexBenchmark [--items N] [--queries Q] [--lsh-tables T] [--lsh-bits B]
 *     [--kinds fuzzy,geo,vector,prefix]</pre>
 */
public final class IndexBenchmark {

    private static final String TABLE = "people";
    private static final long SEED = 42;
    private static final int LOAD_BATCH = 10_000;
    private static final int WARMUP_QUERIES = 3;
    private static final int MAX_EDITS = 2;
    private static final double RADIUS_METERS = 1_500;
    private static final int NEAREST = 10;
    /** Standard deviation of the noise added to each component of a stored embedding to make a query. */
    private static final double QUERY_NOISE = 0.1;
    /** Keys shown of each result that differs from the scan's. */
    private static final int SHOWN_KEYS = 20;

    private static final DistanceOperators OPERATORS = DistanceOperators.load();
    private static final DistanceOperator LEVENSHTEIN = OPERATORS.find("levenshtein").orElseThrow();
    private static final DistanceOperator HAVERSINE = OPERATORS.find("haversine").orElseThrow();
    private static final DistanceOperator COSINE = OPERATORS.find("cosine").orElseThrow();

    private final int rows;
    private final int queries;
    private final java.nio.file.Path root;
    private final IndexBenchData data = new IndexBenchData(SEED);
    private final List<Kind> kinds;
    private Engine engine;
    private RawRocks raw;

    private IndexBenchmark(int rows, int queries, int lshTables, int lshBits, Set<String> only,
                           java.nio.file.Path root) {
        this.rows = rows;
        this.queries = queries;
        this.root = root;
        this.kinds = Stream.of(
                new Kind("fuzzy: levenshtein(name, q) <= " + MAX_EDITS, true,
                        new IndexDefinition("by_name", TABLE, "name", "trigram", Map.of()),
                        random -> fuzzy(random, "name", data::name)),
                new Kind("fuzzy: levenshtein(given, q) <= " + MAX_EDITS, true,
                        new IndexDefinition("by_given", TABLE, "given", "trigram", Map.of()),
                        random -> fuzzy(random, "given", data::given)),
                new Kind("geo: haversine(loc, p) <= " + (int) RADIUS_METERS + " m", true,
                        new IndexDefinition("by_loc", TABLE, "loc", "geohash", Map.of()), this::geo),
                new Kind("vector: top " + NEAREST + " by cosine(embedding, q)", false,
                        new IndexDefinition("by_embedding", TABLE, "embedding", "vectorlsh", Map.of("dimensions",
                                String.valueOf(IndexBenchData.DIMENSIONS), "tables", String.valueOf(lshTables),
                                "bits", String.valueOf(lshBits))), this::vector),
                new Kind("prefix: begins_with(code, 'xy')", true,
                        new IndexDefinition("by_code", TABLE, "code", "radix", Map.of()), this::prefix))
                .filter(kind -> only.contains("all") || only.contains(kind.label().substring(0, kind.label().indexOf(':'))))
                .toList();
    }

    public static void main(String[] args) throws Exception {
        int rows = BenchArguments.option(args, "--items", 1_000_000);
        int queries = BenchArguments.option(args, "--queries", 20);
        int lshTables = BenchArguments.option(args, "--lsh-tables", 16);
        int lshBits = BenchArguments.option(args, "--lsh-bits", 14);
        Set<String> only = Set.of(BenchArguments.text(args, "--kinds", "all").split(","));
        java.nio.file.Path root = Files.createTempDirectory("skiff-index-bench");
        try {
            new IndexBenchmark(rows, queries, lshTables, lshBits, only, root).run();
        } finally {
            RawRocks.deleteTree(root);
        }
    }

    private void run() throws Exception {
        System.out.printf("%,d rows, %d timed queries per kind after %d warm-up queries, seed %d%n", rows, queries,
                WARMUP_QUERIES, SEED);
        engine = Engine.open(root.resolve("skiff"), EngineOptions.defaults());
        raw = RawRocks.open(root.resolve("raw"));
        try {
            engine.createTable(TableSchema.of(TABLE, KeyAttribute.of("pk", AttributeType.S)));
            load();
            buildIndexes();
            // Every measurement starts from flushed memtables and after the compactions the load
            // and the builds set off, on both sides.
            engine.close();
            engine = Engine.open(root.resolve("skiff"), EngineOptions.defaults());
            RawRocks.settle(raw.db);
            System.out.printf("waited %.0f s for background work to end%n", awaitQuiet());
            List<Figures> figures = new ArrayList<>();
            for (Kind kind : kinds) {
                figures.add(measure(kind));
            }
            report(figures);
        } finally {
            engine.close();
            raw.close();
        }
    }

    // ---- loading and building ----------------------------------------------------------------

    /** Loads the rows into Skiff in statements of {@value #LOAD_BATCH} puts, and their copy into raw RocksDB. */
    private void load() throws RocksDBException {
        List<TransactWriteItem> statement = new ArrayList<>(LOAD_BATCH);
        long skiffNanos = 0;
        long bytes = 0;
        try (WriteBatch rawBatch = new WriteBatch()) {
            for (int row = 0; row < rows; row++) {
                Item item = data.item(row);
                bytes += ItemSize.of(item);
                statement.add(TransactWriteItem.put(PutItem.of(TABLE, item)));
                rawBatch.put(BenchData.layoutKey(1, item.get("pk"), null), ItemCodec.encode(item));
                if (statement.size() == LOAD_BATCH || row + 1 == rows) {
                    long start = System.nanoTime();
                    engine.statementWrite(statement);
                    skiffNanos += System.nanoTime() - start;
                    raw.db.write(raw.writeOptions, rawBatch);
                    statement.clear();
                    rawBatch.clear();
                }
            }
        }
        System.out.printf("loaded %,d items (%.0f bytes each on average) in %.1f s: %,.0f items/s in statements"
                + " of %,d%n",
                rows, bytes / (double) rows, skiffNanos / 1e9, rows / (skiffNanos / 1e9), LOAD_BATCH);
    }

    /** Builds every index over the loaded items, then prints each one's build time (apart from the engine's log). */
    private void buildIndexes() {
        List<String> built = new ArrayList<>();
        for (Kind kind : kinds) {
            long start = System.nanoTime();
            long filed = engine.createIndex(kind.definition(), false);
            double seconds = (System.nanoTime() - start) / 1e9;
            IndexDefinition stored = stored(kind);
            built.add(String.format("%-14s %-10s %-42s %10.1f %,12.0f", stored.name(), stored.plugin(),
                    new TreeMap<>(stored.options()), seconds, filed / seconds));
        }
        System.out.printf("%n%-14s %-10s %-42s %10s %12s%n", "index", "plugin", "options (as stored)", "build s",
                "items/s");
        built.forEach(System.out::println);
    }

    /** A kind's index as the engine keeps it, its options' defaults filled in. */
    private IndexDefinition stored(Kind kind) {
        return engine.indexes(TABLE).stream().filter(index -> index.name().equals(kind.definition().name()))
                .findFirst().orElseThrow();
    }

    /**
     * Waits until this process's background work (flushes, compactions) has died down: less than
     * 5 % of a core over a second, or ten minutes at most. Returns the seconds waited.
     */
    private static double awaitQuiet() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        while (System.nanoTime() - start < 600e9) {
            Thread.sleep(1_000);
            long now = os.getProcessCpuTime();
            if (now - cpu < 50_000_000) {
                break;
            }
            cpu = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- the query kinds ---------------------------------------------------------------------

    /**
     * A kind of query: the index that narrows it and how its queries are drawn.
     *
     * @param exact whether the index must find exactly the scan's result (else recall is measured)
     */
    private record Kind(String label, boolean exact, IndexDefinition definition,
                        Function<SplittableRandom, Query> draw) {
        List<Path> scanned() {
            return List.of(Path.parse("pk"), Path.parse(definition.attribute()));
        }
    }

    /**
     * One query: what the index is asked, and a fresh answer each path feeds its items to.
     *
     * @param text the query as a predicate, for reports
     */
    private record Query(String text, IndexPredicate predicate, Supplier<Answer> answer) {
    }

    /** Items in, the keys of the result out. */
    private interface Answer {
        void offer(Item item);

        Set<String> keys();
    }

    private static Supplier<Answer> matching(Predicate<Item> predicate) {
        return () -> new Answer() {
            private final Set<String> keys = new TreeSet<>();

            @Override
            public void offer(Item item) {
                if (predicate.test(item)) {
                    keys.add(key(item));
                }
            }

            @Override
            public Set<String> keys() {
                return keys;
            }
        };
    }

    /** The {@code k} items of least distance (ties by key), kept in a bounded heap. */
    private static Supplier<Answer> nearest(int k, ToDoubleFunction<Item> distance) {
        record Scored(double distance, String key) {
        }
        Comparator<Scored> closer = Comparator.comparingDouble(Scored::distance).thenComparing(Scored::key);
        return () -> new Answer() {
            private final PriorityQueue<Scored> farthestFirst = new PriorityQueue<>(closer.reversed());

            @Override
            public void offer(Item item) {
                Scored scored = new Scored(distance.applyAsDouble(item), key(item));
                if (farthestFirst.size() < k) {
                    farthestFirst.add(scored);
                } else if (closer.compare(scored, farthestFirst.peek()) < 0) {
                    farthestFirst.poll();
                    farthestFirst.add(scored);
                }
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new TreeSet<>();
                farthestFirst.forEach(scored -> keys.add(scored.key()));
                return keys;
            }
        };
    }

    private static String key(Item item) {
        return ((StringValue) item.get("pk")).value();
    }

    /** The distance an operator gives, infinite when it gives none (a missing attribute). */
    private static double distance(DistanceOperator operator, AttributeValue stored, AttributeValue argument) {
        return operator.distance(stored, argument).orElse(Double.POSITIVE_INFINITY);
    }

    /** A stored value of {@code attribute} with one random edit; what lies within {@value #MAX_EDITS} edits of it. */
    private Query fuzzy(SplittableRandom random, String attribute, IntFunction<String> stored) {
        String text = oneEdit(stored.apply(random.nextInt(rows)), random);
        StringValue argument = new StringValue(text);
        return new Query("levenshtein(" + attribute + ", '" + text + "') <= " + MAX_EDITS,
                new IndexPredicate.WithinDistance("levenshtein", argument, MAX_EDITS),
                matching(item -> distance(LEVENSHTEIN, item.get(attribute), argument) <= MAX_EDITS));
    }

    /** The text with one letter substituted, inserted or deleted at a random place. */
    private static String oneEdit(String text, SplittableRandom random) {
        char letter = (char) ('a' + random.nextInt(26));
        int edit = text.length() > 1 ? random.nextInt(3) : random.nextInt(2);
        if (edit == 0) {
            int at = random.nextInt(text.length() + 1);
            return text.substring(0, at) + letter + text.substring(at);
        }
        int at = random.nextInt(text.length());
        if (edit == 1) {
            if (text.charAt(at) == letter) {
                letter = letter == 'z' ? 'a' : (char) (letter + 1);
            }
            return text.substring(0, at) + letter + text.substring(at + 1);
        }
        return text.substring(0, at) + text.substring(at + 1);
    }

    private Query geo(SplittableRandom random) {
        double[] point = IndexBenchData.nearCity(random, IndexBenchData.CITIES[random.nextInt(
                IndexBenchData.CITIES.length)]);
        MapValue argument = IndexBenchData.place(point[0], point[1]);
        return new Query(String.format("haversine(loc, {lat: %.6f, lon: %.6f}) <= %.0f", point[0], point[1],
                RADIUS_METERS), new IndexPredicate.WithinDistance("haversine", argument, RADIUS_METERS),
                matching(item -> distance(HAVERSINE, item.get("loc"), argument) <= RADIUS_METERS));
    }

    private Query vector(SplittableRandom random) {
        int row = random.nextInt(rows);
        double[] components = data.embedding(row);
        for (int d = 0; d < components.length; d++) {
            components[d] += random.nextGaussian() * QUERY_NOISE;
        }
        AttributeValue argument = IndexBenchData.vector(components);
        return new Query("top " + NEAREST + " by cosine(embedding, " + IndexBenchData.key(row) + "'s + noise)",
                new IndexPredicate.Nearest("cosine", argument, NEAREST),
                nearest(NEAREST, item -> distance(COSINE, item.get("embedding"), argument)));
    }

    private Query prefix(SplittableRandom random) {
        String prefix = "" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26));
        return new Query("begins_with(code, '" + prefix + "')", new IndexPredicate.Prefix(prefix),
                matching(item -> item.get("code") instanceof StringValue code && code.value().startsWith(prefix)));
    }

    // ---- the three paths ---------------------------------------------------------------------

    /**
     * What a path found.
     *
     * @param candidates items the path offered to the exact operator
     * @param narrowed whether the index could narrow the query (else the path scanned, as a planner would)
     */
    private record Found(Set<String> keys, long candidates, boolean narrowed) {
    }

    private Found viaIndex(Kind kind, TermIndex method, Query query) {
        Optional<Probe> probe = method.probe(query.predicate());
        if (probe.isEmpty()) {
            Found scanned = viaScan(kind, query);
            return new Found(scanned.keys(), scanned.candidates(), false);
        }
        Answer answer = query.answer().get();
        List<Item> candidates = engine.indexCandidates(TABLE, kind.definition().name(), probe.get());
        candidates.forEach(answer::offer);
        return new Found(answer.keys(), candidates.size(), true);
    }

    /** Every item of the table, projected to its key and the queried attribute, through the exact operator. */
    private Found viaScan(Kind kind, Query query) {
        Answer answer = query.answer().get();
        long[] scanned = {0};
        scan(Scan.table(TABLE).project(kind.scanned()), item -> {
            scanned[0]++;
            answer.offer(item);
        });
        return new Found(answer.keys(), scanned[0], true);
    }

    private void scan(Scan scan, Consumer<Item> action) {
        while (true) {
            Page page = engine.scan(scan);
            page.items().forEach(action);
            if (page.lastEvaluatedKey().isEmpty()) {
                return;
            }
            scan = scan.startAfter(page.lastEvaluatedKey().get());
        }
    }

    /** Raw RocksDB reads every key and value of its copy of the table; returns the bytes read. */
    private long rawIteration() throws RocksDBException {
        long bytes = 0;
        try (RocksIterator it = raw.db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                bytes += it.key().length + it.value().length;
            }
            it.status();
        }
        return bytes;
    }

    // ---- measuring and reporting -------------------------------------------------------------

    /** The sums over the timed queries of one kind, and every difference from the scan seen. */
    private static final class Figures {
        final Kind kind;
        long indexNanos;
        long scanNanos;
        long rawNanos;
        long candidates;
        long matches;
        int timed;
        int notNarrowed;
        int identical;
        double recall;
        final List<String> differences = new ArrayList<>();

        Figures(Kind kind) {
            this.kind = kind;
        }
    }

    private Figures measure(Kind kind) throws RocksDBException {
        IndexDefinition stored = stored(kind);
        TermIndex method = (TermIndex) IndexPlugins.load().configure(stored.plugin(), stored.options());
        Figures figures = new Figures(kind);
        SplittableRandom random = new SplittableRandom(SEED + kinds.indexOf(kind));
        long rawBytes = 0;
        for (int q = 0; q < WARMUP_QUERIES + queries; q++) {
            Query query = kind.draw().apply(random);
            long start = System.nanoTime();
            Found indexed = viaIndex(kind, method, query);
            long indexDone = System.nanoTime();
            Found scanned = viaScan(kind, query);
            long scanDone = System.nanoTime();
            rawBytes += rawIteration();
            long rawDone = System.nanoTime();
            boolean warmup = q < WARMUP_QUERIES;
            compare(figures, query, indexed, scanned, warmup);
            if (!warmup) {
                figures.timed++;
                figures.indexNanos += indexDone - start;
                figures.scanNanos += scanDone - indexDone;
                figures.rawNanos += rawDone - scanDone;
                figures.candidates += indexed.narrowed() ? indexed.candidates() : 0;
                figures.matches += scanned.keys().size();
                figures.notNarrowed += indexed.narrowed() ? 0 : 1;
            }
        }
        System.out.printf("%s: done (raw iteration read %,d bytes a pass)%n", kind.label(),
                rawBytes / (WARMUP_QUERIES + queries));
        return figures;
    }

    /** Records how the index's result compares with the scan's: identity for exact plugins, recall otherwise. */
    private static void compare(Figures figures, Query query, Found indexed, Found scanned, boolean warmup) {
        Set<String> missing = new TreeSet<>(scanned.keys());
        missing.removeAll(indexed.keys());
        Set<String> extra = new TreeSet<>(indexed.keys());
        extra.removeAll(scanned.keys());
        if (!warmup) {
            Set<String> found = new HashSet<>(indexed.keys());
            found.retainAll(scanned.keys());
            figures.recall += scanned.keys().isEmpty() ? 1 : found.size() / (double) scanned.keys().size();
            figures.identical += missing.isEmpty() && extra.isEmpty() ? 1 : 0;
        }
        if (figures.kind.exact() && (!missing.isEmpty() || !extra.isEmpty())) {
            figures.differences.add(String.format("%s%s: scan %d keys, index %d; missing %d %s; extra %d %s",
                    warmup ? "(warm-up) " : "", query.text(), scanned.keys().size(), indexed.keys().size(),
                    missing.size(), first(missing), extra.size(), first(extra)));
        }
    }

    private static List<String> first(Set<String> keys) {
        return keys.stream().limit(SHOWN_KEYS).toList();
    }

    private void report(List<Figures> all) {
        System.out.println();
        System.out.printf("%,d rows, %d timed queries per kind (means per query)%n", rows, queries);
        System.out.printf("%-38s %10s %10s %10s %9s %9s %11s %9s  %s%n", "query", "index ms", "scan ms", "raw ms",
                "speedup", "vs raw", "candidates", "matches", "result");
        for (Figures f : all) {
            double index = f.indexNanos / 1e6 / f.timed;
            double scan = f.scanNanos / 1e6 / f.timed;
            double rawMs = f.rawNanos / 1e6 / f.timed;
            String result = f.kind.exact() ? String.format("identical %d/%d", f.identical, f.timed)
                    : String.format("recall@%d %.3f", NEAREST, f.recall / f.timed);
            if (f.notNarrowed > 0) {
                result += String.format(" (%d not narrowed: scanned)", f.notNarrowed);
            }
            double candidates = f.candidates / (double) Math.max(1, f.timed - f.notNarrowed);
            System.out.printf("%-38s %10.2f %10.1f %10.1f %8.1f× %8.1f× %,11.0f %9.1f  %s%n", f.kind.label(), index,
                    scan, rawMs, scan / index, rawMs / index, candidates, f.matches / (double) f.timed, result);
        }
        System.out.println("speedup = scan ms / index ms; vs raw = raw ms / index ms (raw: iterate every key and "
                + "value of the table's copy, no decoding); candidates: of the queries the index narrowed");
        for (Figures f : all) {
            for (String difference : f.differences) {
                System.out.println("NOT IDENTICAL " + f.kind.label() + " | " + difference);
            }
        }
    }
}
