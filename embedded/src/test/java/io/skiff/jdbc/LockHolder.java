package io.skiff.jdbc;

import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Path;

/**
 * Run in a child JVM: opens the engine in {@code args[0]}, prints {@value #READY}, and holds the
 * directory until its standard input closes.
 */
public final class LockHolder {

    static final String READY = "LOCKED";

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Engine engine = Engine.open(Path.of(args[0]), EngineOptions.builder().blockCacheBytes(8 << 20)
                .writeBufferBytes(4 << 20).build())) {
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the parent to close our input.
            }
        }
    }
}
