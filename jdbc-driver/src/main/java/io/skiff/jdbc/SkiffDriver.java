package io.skiff.jdbc;

import io.skiff.jdbc.embedded.EmbeddedDatabase;
import io.skiff.jdbc.embedded.EmbeddedDatabases;
import io.skiff.storage.EngineOptions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Skiff JDBC driver. It registers itself with {@link DriverManager} (through
 * {@code META-INF/services/java.sql.Driver} and when the class loads) and takes these URLs:
 * <ul>
 *   <li>{@code jdbc:skiff:file:<dir>}: an embedded, durable database in {@code dir} (created if
 *       absent; a relative path is resolved against the working directory). Connections to one
 *       directory in one JVM share one storage engine; it closes with the last of them.</li>
 *   <li>{@code jdbc:skiff:mem:}: an embedded throw-away database of its own, deleted when the
 *       connection closes; {@code jdbc:skiff:mem:<name>} is shared by name within the JVM while
 *       any connection to it is open.</li>
 *   <li>{@code jdbc:skiff://host:port}: a server; not available yet.</li>
 * </ul>
 * Connection properties {@code syncWrites}, {@code maxItemBytes}, {@code blockCacheBytes} and
 * {@code writeBufferBytes} tune the storage engine of the connection that opens a database.
 */
public final class SkiffDriver implements Driver {

    /** The prefix of every URL this driver takes. */
    public static final String URL_PREFIX = SkiffUrl.PREFIX;

    static {
        try {
            DriverManager.registerDriver(new SkiffDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Instances are for {@link java.util.ServiceLoader} and tools that instantiate drivers themselves. */
    public SkiffDriver() {
    }

    /** Whether the URL is a Skiff URL ({@value SkiffUrl#PREFIX}...), even one {@link #connect} will refuse. */
    @Override
    public boolean acceptsURL(String url) {
        return SkiffUrl.accepts(url);
    }

    /**
     * Opens a connection, or returns null for a URL of another driver, as {@link DriverManager} expects.
     *
     * @throws SQLFeatureNotSupportedException for remote URLs
     * @throws SQLException SQLState 08001 for a malformed URL or property, 55006 when another process
     *                      has the database directory open
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        SkiffUrl parsed = SkiffUrl.parse(url);
        if (parsed instanceof SkiffUrl.Remote) {
            throw new SQLFeatureNotSupportedException("Remote connections are not available yet: " + url
                    + " needs the Skiff server; use jdbc:skiff:file:<dir> or jdbc:skiff:mem: to run Skiff embedded",
                    DriverErrors.NOT_SUPPORTED);
        }
        EngineOptions options = EngineProperties.engineOptions(info);
        io.skiff.sql.Dialect dialect = DialectProperty.of(info);
        EmbeddedDatabase database = parsed instanceof SkiffUrl.File file
                ? EmbeddedDatabases.openFile(file.directory(), options)
                : EmbeddedDatabases.openMemory(((SkiffUrl.Memory) parsed).name(), options);
        try {
            return SkiffErrors.translate(() -> new SkiffConnection(url, dialect, database::openSession,
                    database.store()::listTables, database::close));
        } catch (SQLException | RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo[] engine = EngineProperties.describe(info);
        DriverPropertyInfo[] all = java.util.Arrays.copyOf(engine, engine.length + 1);
        all[engine.length] = DialectProperty.describe(info);
        return all;
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /** Not JDBC compliant: Skiff has no transactions and does not aim at full SQL-92 entry level. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** The driver logs through SLF4J, not java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The Skiff driver logs through SLF4J, not java.util.logging",
                DriverErrors.NOT_SUPPORTED);
    }
}
