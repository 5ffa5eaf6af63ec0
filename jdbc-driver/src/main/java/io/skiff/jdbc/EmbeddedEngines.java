package io.skiff.jdbc;

import io.skiff.jdbc.spi.EmbeddedEngine;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the embedded engine on the classpath, once. */
final class EmbeddedEngines {

    private EmbeddedEngines() {
    }

    private static final class Holder {
        static final Optional<EmbeddedEngine> ENGINE =
                ServiceLoader.load(EmbeddedEngine.class, SkiffDriver.class.getClassLoader()).findFirst();
    }

    /** The engine, or empty when {@code skiff-embedded} is not on the classpath. */
    static Optional<EmbeddedEngine> find() {
        return Holder.ENGINE;
    }
}
