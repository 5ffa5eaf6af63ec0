package io.skiff.jdbc.embedded;

import io.skiff.jdbc.spi.Database;
import io.skiff.jdbc.spi.EmbeddedEngine;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The in-process engine behind {@code jdbc:skiff:file:} and {@code jdbc:skiff:mem:} URLs: the
 * Calcite SQL engine over RocksDB storage, registered for the driver's
 * {@link java.util.ServiceLoader}.
 */
public final class SkiffEmbeddedEngine implements EmbeddedEngine {

    /** Called by {@link java.util.ServiceLoader}. */
    public SkiffEmbeddedEngine() {
    }

    @Override
    public Database openFile(Path directory, Properties properties) throws SQLException {
        return EmbeddedDatabases.openFile(directory, EngineProperties.engineOptions(properties));
    }

    @Override
    public Database openMemory(String name, Properties properties) throws SQLException {
        return EmbeddedDatabases.openMemory(name, EngineProperties.engineOptions(properties));
    }

    @Override
    public DriverPropertyInfo[] describeProperties(Properties properties) {
        return EngineProperties.describe(properties);
    }
}
