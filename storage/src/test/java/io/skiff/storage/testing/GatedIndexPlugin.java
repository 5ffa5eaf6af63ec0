package io.skiff.storage.testing;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPlugins;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test index plugin, {@code gated}: files strings under their text, and lets a test stop an
 * index build midway ({@link #arm}) to watch it from another thread without racing it. Listed
 * in this module's test {@code META-INF/services}, so it is there for every test that has the
 * storage test jar; without an armed gate it never waits.
 *
 * <p>Only the engine's build threads ({@value #BUILD_THREADS}...) are counted and paused: a
 * build runs while writes go on, and those writes compute the same index's terms on their own
 * threads, where a pause would stop the test itself.
 */
public final class GatedIndexPlugin implements IndexPlugin, TermIndex {

    /** Its name in {@code CREATE INDEX ... USING gated (attribute)}. */
    public static final String NAME = "gated";
    /** Longer than any test should wait: a gate nobody opens fails the build instead of hanging it. */
    private static final long PATIENCE_SECONDS = 60;
    /** The name prefix of the engine's index build threads. */
    public static final String BUILD_THREADS = "skiff-index-build-";

    private static volatile Gate gate;

    /**
     * From now on, a build pauses each time it has filed another {@code every} items, until the
     * test {@link Gate#resume resumes} it; closing the gate lets builds run freely again.
     */
    public static Gate arm(int every) {
        Gate armed = new Gate(every);
        gate = armed;
        return armed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "strings under their text; pauses builds for tests";
    }

    /**
     * Without options, files strings under their text and narrows nothing. With
     * {@code delegate = <plugin>} it is that plugin (configured with the other options) behind the
     * gate, so a planner test can watch an index it would use while it is being built.
     */
    @Override
    public IndexMethod configure(Map<String, String> options) {
        if (!options.containsKey(LIKE)) {
            return this;
        }
        Map<String, String> rest = new java.util.TreeMap<>(options);
        String like = rest.remove(LIKE);
        return new Like(like, (TermIndex) IndexPlugins.shared().configure(like, rest));
    }

    /** The option that makes it another term index's plugin behind the gate. */
    public static final String LIKE = "delegate";

    private static void passGate() {
        Gate current = gate;
        if (current != null && Thread.currentThread().getName().startsWith(BUILD_THREADS)) {
            current.pass();
        }
    }

    /** Another plugin's term index whose terms pass the gate. */
    private record Like(String plugin, TermIndex method) implements TermIndex {

        @Override
        public Map<String, String> options() {
            Map<String, String> options = new java.util.TreeMap<>(method.options());
            options.put(LIKE, plugin);
            return options;
        }

        @Override
        public boolean exact() {
            return method.exact();
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            passGate();
            return method.terms(value);
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            return method.probe(predicate);
        }

        @Override
        public boolean narrows(String kind) {
            return method.narrows(kind);
        }
    }

    @Override
    public Map<String, String> options() {
        return Map.of();
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public List<byte[]> terms(AttributeValue value) {
        passGate();
        return value instanceof StringValue s ? List.of(s.value().getBytes(StandardCharsets.UTF_8)) : List.of();
    }

    /** It narrows nothing: the planner never reads it, tests only build it. */
    @Override
    public Optional<Probe> probe(IndexPredicate predicate) {
        return Optional.empty();
    }

    @Override
    public boolean narrows(String kind) {
        return false;
    }

    /** Where builds pause: before filing item {@code every + 1}, {@code 2 * every + 1}, ... */
    public static final class Gate implements AutoCloseable {

        /** More permits than builds can ever be paused at once. */
        private static final int EVERY_PAUSED = 1000;
        private final int every;
        private final AtomicInteger seen = new AtomicInteger();
        private final Semaphore paused = new Semaphore(0);
        private final Semaphore resumed = new Semaphore(0);
        private volatile boolean open;
        private volatile boolean failing;

        private Gate(int every) {
            this.every = every;
        }

        private void pass() {
            int item = seen.incrementAndGet();
            if (!open && item > 1 && (item - 1) % every == 0) {
                paused.release();
                try {
                    if (!resumed.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("The test never resumed the gated build");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted at the gate", e);
                }
            }
            if (failing) {
                throw new IllegalStateException("The test failed the gated build");
            }
        }

        /** Waits until a build is paused at the gate. */
        public void awaitPause() throws InterruptedException {
            if (!paused.tryAcquire(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("No build reached the gate");
            }
        }

        /** Lets the paused build go on to its next pause. */
        public void resume() {
            resumed.release();
        }

        /** Makes the paused builds (and any later one) fail on their next item. */
        public void failBuilds() {
            failing = true;
            open = true;
            resumed.release(EVERY_PAUSED);
        }

        /** Lets builds run to their end without pausing; the plugin no longer waits. */
        @Override
        public void close() {
            open = true;
            // Several builds (one per replica of a cluster in one JVM) may be paused at once.
            resumed.release(EVERY_PAUSED);
            if (gate == this) {
                gate = null;
            }
        }
    }
}
