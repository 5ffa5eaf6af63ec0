package io.skiff.server;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real server on a loopback port over a real RocksDB in a temporary directory, and a channel to it. */
public final class RunningServer implements AutoCloseable {

    final Path directory;
    final Engine engine;
    final SkiffServer server;
    final ManagedChannel channel;
    private final boolean ownsDirectory;

    /** A server over a new temporary directory, deleted on close. */
    public RunningServer() throws Exception {
        this(Files.createTempDirectory("skiff-server-test"), true, Duration.ofMinutes(30));
    }

    /** A server over the database in {@code directory}, which stays on close. */
    public RunningServer(Path directory) throws Exception {
        this(directory, false, Duration.ofMinutes(30));
    }

    RunningServer(Duration sessionIdleTimeout) throws Exception {
        this(Files.createTempDirectory("skiff-server-test"), true, sessionIdleTimeout);
    }

    private RunningServer(Path directory, boolean ownsDirectory, Duration sessionIdleTimeout) throws Exception {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        engine = Engine.open(directory, EngineOptions.defaults());
        server = SkiffServer.start(engine, "127.0.0.1", 0, sessionIdleTimeout);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    /** The remote JDBC URL of the server. */
    public String jdbcUrl() {
        return "jdbc:skiff://127.0.0.1:" + server.port();
    }

    /** The store the server serves, for tests that set data up directly. */
    public Engine engine() {
        return engine;
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop(Duration.ofSeconds(5));
        engine.close();
        if (!ownsDirectory) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
