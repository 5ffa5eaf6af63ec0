package io.skiff.bench;

import io.skiff.core.value.Item;
import io.skiff.storage.ItemCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * SQL through the embedded JDBC driver beside raw RocksDB JNI doing the same work on the same
 * data, in one run: prepared point SELECT (1 and 2 threads), batch INSERT of 500 rows, a 100-row
 * range SELECT, and the time from opening an existing database to the first query's result. The
 * batch INSERT is also run raw with Skiff's exact key bytes, to show what Skiff's key layout
 * costs apart from Skiff's own work.
 *
 * <pre>java ... io.skiff.bench.SqlBenchmark [--items N] [--seconds S]</pre>
 */
public final class SqlBenchmark {

    private static final int BATCH = 500;
    private static final int RANGE_PARTITIONS = 1000;
    private static final int RANGE_ROWS = 100;

    private final int items;
    private final int seconds;
    private final Path root;
    private final String url;
    private RawRocks rawRocks;
    private RocksDB raw;
    private WriteOptions rawWrite;

    private SqlBenchmark(int items, int seconds, Path root) {
        this.items = items;
        this.seconds = seconds;
        this.root = root;
        this.url = "jdbc:skiff:file:" + root.resolve("skiff");
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 1_000_000);
        Path root = Files.createTempDirectory("skiff-sql-bench");
        try {
            new SqlBenchmark(arguments.items(), arguments.seconds(), root).run();
        } finally {
            RawRocks.deleteTree(root);
        }
    }

    private void run() throws Exception {
        rawRocks = RawRocks.open(root.resolve("raw"));
        raw = rawRocks.db;
        rawWrite = rawRocks.writeOptions;
        List<String> report = new ArrayList<>();
        // Each insert starts when the flushes of the one before have ended, so neither side pays
        // for the other's background work: the last connection closing closes (and flushes) the
        // engine, and the raw database is flushed the same way.
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, city VARCHAR, PRIMARY KEY (pk))");
                ddl.execute("CREATE TABLE events (device VARCHAR, seq BIGINT, kind VARCHAR, PRIMARY KEY (device, seq))");
                ddl.execute("CREATE TABLE warmup (pk VARCHAR, name VARCHAR, age INTEGER, city VARCHAR, PRIMARY KEY (pk))");
            }
            // Like every other measurement, the batch INSERT is warmed up first, on both sides: a
            // cold JVM would otherwise charge Skiff for compiling the code both sides then share.
            batchInsertSql(connection, "warmup", "warmup#", warmupRows());
        }
        batchInsertRaw(raw, false, "warmup#", warmupRows());
        RawRocks.settle(raw);
        double sqlInsert;
        try (Connection connection = DriverManager.getConnection(url)) {
            sqlInsert = batchInsertSql(connection, "users", "user#", items);
        }
        double rawInsert = batchInsertRaw(raw, false, "user#", items);
        RawRocks.settle(raw);
        report.add(row("batch INSERT (500 rows), rows/s", sqlInsert, rawInsert, "0.40"));
        try (RawRocks sameKeys = RawRocks.open(root.resolve("raw-skiff-keys"))) {
            double rawSameKeys = batchInsertRaw(sameKeys.db, true, "user#", items);
            report.add(row("  raw with Skiff's key layout", sqlInsert, rawSameKeys, ""));
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            loadEvents(connection);
            for (int threads = 1; threads <= 2; threads++) {
                double sql = measure(threads, this::pointSelectSql);
                double rawGet = measure(threads, this::pointGetRaw);
                report.add(row("point SELECT, " + threads + " thread(s)", sql, rawGet, "0.50"));
            }
            report.add(row("range SELECT (100 rows)", measure(1, this::rangeSelectSql), measure(1, this::rangeRaw), ""));
        }
        double openMillis = openAndFirstQuery();
        rawRocks.close();
        System.out.println();
        System.out.printf("%d items, %d s per measurement%n", items, seconds);
        System.out.printf("%-36s %14s %14s %8s %8s%n", "operation", "skiff ops/s", "raw ops/s", "ratio", "target");
        report.forEach(System.out::println);
        System.out.printf("%-36s %11.0f ms %14s %8s %8s%n", "open existing db + first query", openMillis, "", "",
                "< 1000");
    }

    private static String row(String name, double skiff, double raw, String target) {
        return String.format("%-36s %14.0f %14.0f %8.2f %8s", name, skiff, raw, skiff / raw, target);
    }

    // ---- loading ---------------------------------------------------------------------------

    /** Rows of the batch INSERT warm-up: a tenth of the measured rows, at most 100,000. */
    private int warmupRows() {
        return Math.max(BATCH, Math.min(items / 10, 100_000));
    }

    private static Item user(String keyPrefix, int i) {
        return Item.builder().s("pk", keyPrefix + i).s("name", "name-" + i).n("age", 18 + i % 60)
                .s("city", "city-" + i % 500).build();
    }

    /** Inserts {@code rows} users keyed {@code keyPrefix + i} into {@code table}; rows per second. */
    private double batchInsertSql(Connection connection, String table, String keyPrefix, int rows)
            throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (pk, name, age, city) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, keyPrefix + i);
                insert.setString(2, "name-" + i);
                insert.setInt(3, 18 + i % 60);
                insert.setString(4, "city-" + i % 500);
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                    insert.executeBatch();
                }
            }
        }
        return rows / seconds(start);
    }

    /**
     * The raw batch INSERT: 500 puts of the encoded items per WriteBatch, keyed like Skiff's keys
     * but without the partition hash (the baseline), or with exactly Skiff's key bytes.
     */
    private double batchInsertRaw(RocksDB db, boolean skiffKeyLayout, String keyPrefix, int rows)
            throws RocksDBException {
        long start = System.nanoTime();
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < rows; i++) {
                Item user = user(keyPrefix, i);
                byte[] key = skiffKeyLayout ? BenchData.layoutKey(1, user.get("pk"), null)
                        : BenchData.rawKey(user.get("pk"), null);
                batch.put(key, ItemCodec.encode(user));
                if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                    db.write(rawWrite, batch);
                    batch.clear();
                }
            }
        }
        return rows / seconds(start);
    }

    private void loadEvents(Connection connection) throws SQLException, RocksDBException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (device, seq, kind) VALUES (?, ?, ?)"); WriteBatch batch = new WriteBatch()) {
            for (int device = 0; device < RANGE_PARTITIONS; device++) {
                for (int seq = 0; seq < RANGE_ROWS; seq++) {
                    insert.setString(1, "device#" + device);
                    insert.setLong(2, seq);
                    insert.setString(3, "reading");
                    insert.addBatch();
                    Item event = Item.builder().s("device", "device#" + device).n("seq", seq).s("kind", "reading")
                            .build();
                    batch.put(BenchData.rawKey(event.get("device"), event.get("seq")), ItemCodec.encode(event));
                }
                insert.executeBatch();
                raw.write(rawWrite, batch);
                batch.clear();
            }
        }
    }

    // ---- measured operations ---------------------------------------------------------------

    /** One measured worker: set up once per thread, then called in a loop. */
    private interface Worker extends AutoCloseable {
        void call(Random random) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private interface WorkerFactory {
        Worker create() throws Exception;
    }

    private Worker pointSelectSql() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT name, age, city FROM users WHERE pk = ?");
        return new Worker() {
            @Override
            public void call(Random random) throws SQLException {
                select.setString(1, "user#" + random.nextInt(items));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw new IllegalStateException("missing row");
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                select.close();
                connection.close();
            }
        };
    }

    private Worker pointGetRaw() {
        return random -> {
            byte[] value = raw.get(BenchData.rawKey(io.skiff.core.value.AttributeValue.s("user#" + random.nextInt(items)),
                    null));
            if (ItemCodec.decode(value).get("name") == null) {
                throw new IllegalStateException("missing item");
            }
        };
    }

    private Worker rangeSelectSql() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement(
                "SELECT seq, kind FROM events WHERE device = ? ORDER BY seq");
        return new Worker() {
            @Override
            public void call(Random random) throws SQLException {
                select.setString(1, "device#" + random.nextInt(RANGE_PARTITIONS));
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rows++;
                    }
                }
                if (rows != RANGE_ROWS) {
                    throw new IllegalStateException("expected " + RANGE_ROWS + " rows, got " + rows);
                }
            }

            @Override
            public void close() throws SQLException {
                select.close();
                connection.close();
            }
        };
    }

    private Worker rangeRaw() {
        return random -> {
            byte[] prefix = BenchData.rawKey(io.skiff.core.value.AttributeValue.s("device#"
                    + random.nextInt(RANGE_PARTITIONS)), null);
            byte[] end = prefix.clone();
            end[end.length - 1]++;
            int rows = 0;
            try (Slice lower = new Slice(prefix); Slice upper = new Slice(end);
                 ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
                 RocksIterator it = raw.newIterator(options)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    ItemCodec.decode(it.value());
                    rows++;
                }
            }
            if (rows != RANGE_ROWS) {
                throw new IllegalStateException("expected " + RANGE_ROWS + " rows, got " + rows);
            }
        };
    }

    /** Calls per second over {@code seconds}, after a warm-up of the same length, on N threads. */
    private double measure(int threads, WorkerFactory factory) throws Exception {
        run(threads, factory, seconds);
        return run(threads, factory, seconds) / (double) seconds;
    }

    private long run(int threads, WorkerFactory factory, int duration) throws Exception {
        AtomicLong calls = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long end = System.nanoTime() + duration * 1_000_000_000L;
        for (int t = 0; t < threads; t++) {
            Worker worker = factory.create();
            int seed = t;
            Thread thread = new Thread(() -> {
                Random random = new Random(seed);
                long done = 0;
                try (worker) {
                    while (System.nanoTime() < end) {
                        worker.call(random);
                        done++;
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
                calls.addAndGet(done);
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return calls.get();
    }

    private double openAndFirstQuery() throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("SELECT name FROM users WHERE pk = ?")) {
            select.setString(1, "user#1");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                rs.getString(1);
            }
        }
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
