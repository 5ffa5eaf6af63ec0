package io.skiff.bench;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.WriteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Skiff's engine beside raw RocksDB JNI doing the same work on the same data, in one run:
 * put, get, a 25-item batch write and a 100-item partition query. {@link #main} prints ops/s
 * of both and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StorageBenchmarks {

    static final String USERS = "users";
    static final String EVENTS = "events";

    private Path root;
    Engine engine;
    private RawRocks rawRocks;
    RocksDB raw;
    WriteOptions rawWrite;

    /** Per-thread randomness, so threads never contend on one generator. */
    @State(Scope.Thread)
    public static class Cursor {
        final Random random = new Random(42);
        int version;

        int nextUser() {
            return random.nextInt(BenchData.ITEMS);
        }

        int nextPartition() {
            return random.nextInt(BenchData.PARTITIONS);
        }
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        root = Files.createTempDirectory("skiff-bench");
        EngineOptions defaults = EngineOptions.defaults();
        engine = Engine.open(root.resolve("skiff"), defaults);
        engine.createTable(TableSchema.of(USERS, KeyAttribute.of("pk", AttributeType.S)));
        engine.createTable(TableSchema.of(EVENTS, KeyAttribute.of("pk", AttributeType.S),
                KeyAttribute.of("sk", AttributeType.N)));
        rawRocks = RawRocks.open(root.resolve("raw"));
        raw = rawRocks.db;
        rawWrite = rawRocks.writeOptions;
        Random random = new Random(7);
        List<WriteRequest> batch = new ArrayList<>();
        try (WriteBatch rawBatch = new WriteBatch()) {
            for (int i = 0; i < BenchData.ITEMS; i++) {
                Item user = BenchData.user(i, 0);
                batch.add(WriteRequest.put(USERS, user));
                rawBatch.put(BenchData.rawUserKey(i), BenchData.rawValue(user, random));
                int partition = i / BenchData.ITEMS_PER_PARTITION;
                int sort = i % BenchData.ITEMS_PER_PARTITION;
                Item event = BenchData.event(partition, sort);
                batch.add(WriteRequest.put(EVENTS, event));
                rawBatch.put(BenchData.rawEventKey(partition, sort), BenchData.rawValue(event, random));
                if (batch.size() >= 24) {
                    engine.batchWrite(batch);
                    batch.clear();
                    raw.write(rawWrite, rawBatch);
                    rawBatch.clear();
                }
            }
            if (!batch.isEmpty()) {
                engine.batchWrite(batch);
                raw.write(rawWrite, rawBatch);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        engine.close();
        rawRocks.close();
        RawRocks.deleteTree(root);
    }

    // ---- get ----------------------------------------------------------------------------

    @Benchmark
    public Object skiffGet(Cursor cursor) {
        return engine.get(GetItem.of(USERS, Item.builder().s("pk", BenchData.userKey(cursor.nextUser())).build()));
    }

    @Benchmark
    public byte[] rawGet(Cursor cursor) throws RocksDBException {
        return raw.get(BenchData.rawUserKey(cursor.nextUser()));
    }

    // ---- put ----------------------------------------------------------------------------

    @Benchmark
    public Object skiffPut(Cursor cursor) {
        return engine.put(PutItem.of(USERS, BenchData.user(cursor.nextUser(), ++cursor.version)));
    }

    @Benchmark
    public void rawPut(Cursor cursor) throws RocksDBException {
        Item user = BenchData.user(cursor.nextUser(), ++cursor.version);
        raw.put(rawWrite, BenchData.rawUserKey(cursor.nextUser()), BenchData.rawValue(user, cursor.random));
    }

    // ---- batch write of 25 --------------------------------------------------------------

    @Benchmark
    public void skiffBatchWrite(Cursor cursor) {
        List<WriteRequest> writes = new ArrayList<>(25);
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.put(USERS, BenchData.user(cursor.nextUser(), ++cursor.version)));
        }
        try {
            engine.batchWrite(writes);
        } catch (io.skiff.core.error.SkiffException duplicateKeyInBatch) {
            // Two random picks of one key: the batch is rejected whole; rare and cheap.
        }
    }

    @Benchmark
    public void rawBatchWrite(Cursor cursor) throws RocksDBException {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < 25; i++) {
                Item user = BenchData.user(cursor.nextUser(), ++cursor.version);
                batch.put(BenchData.rawUserKey(cursor.nextUser()), BenchData.rawValue(user, cursor.random));
            }
            raw.write(rawWrite, batch);
        }
    }

    // ---- query of one 100-item partition ------------------------------------------------

    @Benchmark
    public int skiffQuery100(Cursor cursor) {
        Page page = engine.query(Query.partition(EVENTS, AttributeValue.s("device#" + cursor.nextPartition())));
        return page.items().size();
    }

    @Benchmark
    public int rawQuery100(Cursor cursor, Blackhole blackhole) {
        byte[] prefix = BenchData.rawKey(AttributeValue.s("device#" + cursor.nextPartition()), null);
        byte[] end = prefix.clone();
        end[end.length - 1]++;
        int count = 0;
        try (Slice lower = new Slice(prefix); Slice upper = new Slice(end);
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = raw.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                blackhole.consume(it.key());
                blackhole.consume(it.value());
                count++;
            }
        }
        return count;
    }

    /** Runs every benchmark and prints Skiff beside raw RocksDB with the ratio. */
    public static void main(String[] args) throws RunnerException {
        var options = new OptionsBuilder().include(StorageBenchmarks.class.getName() + "\\.").build();
        Map<String, Double> score = new TreeMap<>();
        for (RunResult result : new Runner(options).run()) {
            String label = result.getParams().getBenchmark();
            score.put(label.substring(label.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.printf("%-22s %14s %14s %8s %8s%n", "operation", "skiff ops/s", "raw ops/s", "ratio", "target");
        row(score, "get", "Get", "0.70");
        row(score, "put", "Put", "");
        row(score, "batch write (25)", "BatchWrite", "0.60");
        row(score, "query (100 items)", "Query100", "");
    }

    private static void row(Map<String, Double> score, String name, String suffix, String target) {
        double skiff = score.getOrDefault("skiff" + suffix, Double.NaN);
        double raw = score.getOrDefault("raw" + suffix, Double.NaN);
        System.out.printf("%-22s %14.0f %14.0f %8.2f %8s%n", name, skiff, raw, skiff / raw, target);
    }
}
