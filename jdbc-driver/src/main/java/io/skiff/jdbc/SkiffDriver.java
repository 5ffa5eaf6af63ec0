package io.skiff.jdbc;

import io.skiff.jdbc.spi.Database;
import io.skiff.jdbc.remote.RemoteDatabase;
import io.skiff.jdbc.spi.EmbeddedEngine;
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
 *   <li>{@code jdbc:skiff://host[:port][,host[:port]...]}: a Skiff server (port 7411 when not
 *       given), the first of the list that answers; the driver needs no engine for it.</li>
 * </ul>
 * The embedded URLs need the engine on the classpath ({@code io.skiff:skiff-embedded}, found
 * as an {@link EmbeddedEngine} service); its connection properties ({@code syncWrites},
 * {@code maxItemBytes}, {@code blockCacheBytes}, {@code writeBufferBytes}) tune the storage
 * engine of the connection that opens a database. The property {@code dialect} ({@code sql} or
 * {@code partiql}) chooses the language of the connection's statements.
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
     * @throws SQLException SQLState 08001 for a malformed URL or property, 55006 when another process
     *                      has the database directory open
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        SkiffUrl parsed = SkiffUrl.parse(url);
        io.skiff.sql.api.Dialect dialect = DialectProperty.of(info);
        boolean strongReads = ConsistencySetting.strongIn(info);
        if (parsed instanceof SkiffUrl.Remote remote) {
            return connectRemote(url, remote, dialect, strongReads, RoutingProperty.toLeaders(info));
        }
        EmbeddedEngine engine = EmbeddedEngines.find().orElseThrow(() -> DriverErrors.of(
                DriverErrors.UNABLE_TO_CONNECT, url + " runs Skiff in this process, and the embedded engine is not on"
                        + " the classpath: add io.skiff:skiff-embedded, or connect to a server (jdbc:skiff://host:port)"));
        Properties properties = info == null ? new Properties() : info;
        Database database = parsed instanceof SkiffUrl.File file
                ? engine.openFile(file.directory(), properties)
                : engine.openMemory(((SkiffUrl.Memory) parsed).name(), properties);
        try {
            return SkiffErrors.translate(() -> new SkiffConnection(url, dialect, strongReads, database::openSession,
                    database));
        } catch (SQLException | RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** A connection to the first server of the URL's host list that answers. */
    private static Connection connectRemote(String url, SkiffUrl.Remote remote, io.skiff.sql.api.Dialect dialect,
                                            boolean strongReads, boolean routeToLeaders) throws SQLException {
        RemoteDatabase.Connected connected;
        try {
            connected = RemoteDatabase.connect(remote.hosts(), dialect, strongReads, routeToLeaders);
        } catch (io.skiff.core.error.SkiffException e) {
            throw DriverErrors.of(DriverErrors.UNABLE_TO_CONNECT, "Cannot connect to " + url + ": " + e.getMessage(),
                    e);
        }
        RemoteDatabase database = connected.database();
        java.util.concurrent.atomic.AtomicReference<io.skiff.sql.api.SqlSession> first =
                new java.util.concurrent.atomic.AtomicReference<>(connected.session());
        try {
            return SkiffErrors.translate(() -> new SkiffConnection(url, dialect, strongReads, (wanted, strong) -> {
                io.skiff.sql.api.SqlSession opened = first.getAndSet(null);
                return opened != null && wanted == dialect && strong == strongReads ? opened
                        : database.openSession(wanted, strong);
            }, database));
        } catch (SQLException | RuntimeException | Error e) {
            connected.session().close();
            database.close();
            throw e;
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo[] engine = EmbeddedEngines.find().map(found -> found.describeProperties(info))
                .orElse(new DriverPropertyInfo[0]);
        DriverPropertyInfo[] all = java.util.Arrays.copyOf(engine, engine.length + 3);
        all[engine.length] = DialectProperty.describe(info);
        all[engine.length + 1] = ConsistencySetting.describe(info);
        all[engine.length + 2] = RoutingProperty.describe(info);
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
