package io.skiff.jdbc.spi;

import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The engine behind {@code jdbc:skiff:file:} and {@code jdbc:skiff:mem:} URLs. The driver finds
 * it with {@link java.util.ServiceLoader}, so that the driver itself carries no engine: the
 * {@code io.skiff:skiff-embedded} artifact provides it.
 */
public interface EmbeddedEngine {

    /**
     * A share of the durable database in {@code directory}, created if absent and shared by
     * every connection of this JVM to it.
     *
     * @param properties the connection properties; those the engine knows tune it when this
     *                   call opens the database
     * @throws SQLException SQLState 55006 when another process has the directory open, 08001 or
     *                      22023 for a bad property
     */
    Database openFile(Path directory, Properties properties) throws SQLException;

    /**
     * A share of the throw-away database called {@code name}, which lives while any connection
     * to it is open; an empty name is a new database of one connection's own.
     */
    Database openMemory(String name, Properties properties) throws SQLException;

    /** The connection properties the engine understands, with the values given so far. */
    DriverPropertyInfo[] describeProperties(Properties properties);
}
