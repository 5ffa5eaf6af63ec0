package io.skiff.jdbc;

import io.skiff.core.schema.TableSchema;
import io.skiff.jdbc.spi.Database;
import io.skiff.sql.api.Dialect;
import io.skiff.sql.api.IndexInfo;
import io.skiff.sql.api.SqlSession;
import io.skiff.sql.api.SqlStatement;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A connection: one SQL session, in autocommit mode (Skiff has no multi-statement transactions
 * yet). Statements made by it close with it.
 */
final class SkiffConnection implements Connection, SessionSettings, IndexBuilds {

    static final String NO_TRANSACTIONS = "Transactions are not available yet; Skiff runs every statement in"
            + " autocommit mode";

    private final String url;
    /** One session per dialect and consistency, opened when first used; guarded by {@link #sessionLock}. */
    private final java.util.Map<SessionKey, SqlSession> sessions = new java.util.HashMap<>();
    private final SessionOpener opener;
    private volatile boolean strongReads;
    private volatile Dialect dialect;
    /** The tables, indexes and builds behind the connection; given back when it closes. */
    private final Database database;
    /** The session is not thread-safe; calls into it from this connection's statements take turns. */
    private final Object sessionLock = new Object();
    private final Set<AbstractStatement> statements = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Properties clientInfo = new Properties();
    private volatile boolean readOnly;
    private volatile int networkTimeoutMillis;

    /**
     * @param url the URL the connection was opened with
     * @param session the session statements run in; closed with the connection
     * @param tables the store's tables, for {@link DatabaseMetaData}
     * @param release gives the database back when the connection closes
     */
    SkiffConnection(String url, SqlSession session, Supplier<List<TableSchema>> tables, Runnable release) {
        this(url, Dialect.SQL, false, (dialect, strong) -> session, new Database() {
            @Override
            public SqlSession openSession(Dialect dialect) {
                return session;
            }

            @Override
            public List<TableSchema> tables() {
                return tables.get();
            }

            @Override
            public void close() {
                release.run();
            }
        });
    }

    /** The sessions a connection runs statements in: one per language and read consistency. */
    private record SessionKey(Dialect dialect, boolean strongReads) {
    }

    /** Opens a session in a dialect, reading strongly or eventually. */
    @FunctionalInterface
    interface SessionOpener {
        SqlSession open(Dialect dialect, boolean strongReads);
    }

    /**
     * @param url the URL the connection was opened with
     * @param dialect the language of its statements to begin with
     * @param strongReads whether its reads must be linearizable to begin with
     * @param opener opens a session: now for {@code dialect}, later for another dialect or
     *               consistency when the connection first needs it
     * @param database the tables and indexes for {@link DatabaseMetaData}, the index builds for
     *                 {@link #indexBuilds()}; closed (given back) when the connection closes
     */
    SkiffConnection(String url, Dialect dialect, boolean strongReads, SessionOpener opener, Database database) {
        this.url = url;
        this.dialect = dialect;
        this.strongReads = strongReads;
        this.opener = opener;
        this.database = database;
        sessions.put(new SessionKey(dialect, strongReads), opener.open(dialect, strongReads));
    }

    @Override
    public String getConsistency() throws SQLException {
        checkOpen();
        return ConsistencySetting.label(strongReads);
    }

    @Override
    public void setConsistency(String consistency) throws SQLException {
        checkOpen();
        try {
            strongReads = ConsistencySetting.isStrong(consistency == null ? "" : consistency);
        } catch (io.skiff.core.error.SkiffException e) {
            throw DriverErrors.invalidArgument(e.getMessage());
        }
    }

    @Override
    public String getDialect() throws SQLException {
        checkOpen();
        return dialect.label();
    }

    @Override
    public void setDialect(String name) throws SQLException {
        checkOpen();
        Dialect wanted = dialectNamed(name);
        synchronized (sessionLock) {
            call(() -> session(wanted));
            dialect = wanted;
        }
    }

    @Override
    public Statement createStatementIn(String dialectName) throws SQLException {
        checkOpen();
        return register(new SkiffStatement(this, dialectNamed(dialectName)));
    }

    @Override
    public PreparedStatement prepareStatementIn(String dialectName, String text) throws SQLException {
        checkOpen();
        Dialect wanted = dialectNamed(dialectName);
        if (text == null) {
            throw DriverErrors.invalidArgument("The statement text is null");
        }
        SqlStatement prepared = call(() -> prepare(wanted, text));
        return register(new SkiffPreparedStatement(this, prepared));
    }

    private static Dialect dialectNamed(String name) throws SQLException {
        try {
            return Dialect.parse(name);
        } catch (io.skiff.core.error.SkiffException e) {
            throw DriverErrors.invalidArgument(e.getMessage());
        }
    }

    // ---- what statements and metadata use ----------------------------------------------------

    String url() {
        return url;
    }

    /** The session of the connection's dialect now. */
    SqlSession session() {
        return session(dialect);
    }

    /** The session of {@code wanted} at the connection's consistency, opened on first use. */
    SqlSession session(Dialect wanted) {
        synchronized (sessionLock) {
            return sessions.computeIfAbsent(new SessionKey(wanted, strongReads),
                    key -> opener.open(key.dialect(), key.strongReads()));
        }
    }

    /**
     * Prepares {@code text} in {@code wanted} (the connection's dialect when null); the driver
     * runs {@code SET consistency = ...} itself. Call inside {@link #call}.
     */
    SqlStatement prepare(Dialect wanted, String text) {
        Optional<SqlStatement> setting = ConsistencySetting.statement(text, strong -> strongReads = strong);
        return setting.orElseGet(() -> session(wanted == null ? dialect : wanted).prepare(text));
    }

    /** Runs a call into the session or the store, one at a time, reporting failures the JDBC way. */
    <T> T call(Supplier<T> action) throws SQLException {
        synchronized (sessionLock) {
            return SkiffErrors.translate(action);
        }
    }

    List<TableSchema> tables() throws SQLException {
        checkOpen();
        return call(database::tables);
    }

    List<IndexInfo> indexes() throws SQLException {
        checkOpen();
        return call(database::indexes);
    }

    /**
     * Not through {@link #call}: the point is to ask while a statement of this connection, which
     * holds the session's turn, is building an index.
     */
    @Override
    public List<IndexBuild> indexBuilds() throws SQLException {
        checkOpen();
        return SkiffErrors.translate(database::indexBuilds);
    }

    /** A read-only connection refuses statements that change data or tables before running them. */
    void checkWritable(SqlStatement statement) throws SQLException {
        if (readOnly && (statement.kind() == SqlStatement.Kind.DML || statement.kind() == SqlStatement.Kind.DDL)) {
            throw DriverErrors.of(DriverErrors.READ_ONLY, "The connection is read-only (setReadOnly(true)); "
                    + statement.kind() + " statements are refused");
        }
    }

    void statementClosed(AbstractStatement statement) {
        statements.remove(statement);
    }

    private <S extends AbstractStatement> S register(S statement) {
        statements.add(statement);
        return statement;
    }

    // ---- statements --------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return register(new SkiffStatement(this));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
        return createStatement();
    }

    /** Prepares the statement now: the SQL engine parses and plans it once, here. */
    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw DriverErrors.invalidArgument("The SQL text is null");
        }
        SqlStatement prepared = call(() -> prepare(null, sql));
        return register(new SkiffPreparedStatement(this, prepared));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw AbstractStatement.generatedKeys();
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        throw AbstractStatement.generatedKeys();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        throw AbstractStatement.generatedKeys();
    }

    private void checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw DriverErrors.notSupported("Scrollable result sets (TYPE_SCROLL_INSENSITIVE, TYPE_SCROLL_SENSITIVE)");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw DriverErrors.notSupported("Updatable result sets (CONCUR_UPDATABLE)");
        }
        checkHoldability(holdability);
    }

    private static void checkHoldability(int holdability) throws SQLException {
        if (holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw DriverErrors.notSupportedBecause("CLOSE_CURSORS_AT_COMMIT is not supported by Skiff: with"
                    + " autocommit only, result sets stay open until closed (HOLD_CURSORS_OVER_COMMIT)");
        }
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw DriverErrors.invalidArgument("Unknown result set holdability " + holdability);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("Stored procedures (CallableStatement)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        return prepareCall(sql);
    }

    /** The SQL engine reads statements as written. */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions: autocommit only -------------------------------------------------------

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (!autoCommit) {
            throw DriverErrors.notSupportedBecause(NO_TRANSACTIONS);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        throw DriverErrors.of(DriverErrors.NO_TRANSACTION, "Cannot commit: the connection is in autocommit mode,"
                + " where every statement commits on its own");
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        throw DriverErrors.of(DriverErrors.NO_TRANSACTION, "Cannot roll back: the connection is in autocommit mode,"
                + " where every statement commits on its own");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        throw savepoints();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        throw savepoints();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        throw savepoints();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        throw savepoints();
    }

    private static SQLException savepoints() {
        return DriverErrors.notSupported("Savepoints (" + NO_TRANSACTIONS + ")");
    }

    /** Without transactions there is no isolation level to choose. */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != Connection.TRANSACTION_NONE) {
            throw DriverErrors.notSupportedBecause("Transaction isolation levels are not available: "
                    + NO_TRANSACTIONS);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
    }

    // ---- settings ----------------------------------------------------------------------------

    /** Read-only connections refuse DML and DDL (SQLState 25006) and run queries as usual. */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Skiff has no catalogs, so JDBC asks that this be ignored. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (!SkiffDatabaseMetaData.SCHEMA.equalsIgnoreCase(schema)) {
            throw DriverErrors.of(DriverErrors.INVALID_SCHEMA, "Unknown schema '" + schema + "': Skiff has one schema, "
                    + SkiffDatabaseMetaData.SCHEMA);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return SkiffDatabaseMetaData.SCHEMA;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw DriverErrors.notSupported("Custom type maps");
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SkiffDatabaseMetaData(this);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    /** Client info is kept for tools that read it back; Skiff itself does not use it. */
    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        checkOpenForClientInfo(String.valueOf(name));
        synchronized (clientInfo) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        checkOpenForClientInfo(properties == null ? "" : String.join(",", properties.stringPropertyNames()));
        synchronized (clientInfo) {
            clientInfo.clear();
            if (properties != null) {
                for (String name : properties.stringPropertyNames()) {
                    setClientInfo(name, properties.getProperty(name));
                }
            }
        }
    }

    /** JDBC wants its own exception type here, naming the properties that were not set. */
    private void checkOpenForClientInfo(String names) throws SQLClientInfoException {
        if (closed.get()) {
            throw new SQLClientInfoException("The connection is closed", DriverErrors.CONNECTION_CLOSED, 0,
                    Map.of(names, ClientInfoStatus.REASON_UNKNOWN));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            return clientInfo.getProperty(name);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }
    }

    /** An embedded connection has no network; the value is kept for tools that read it back. */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw DriverErrors.invalidArgument("The network timeout must be 0 or more milliseconds, not "
                    + milliseconds);
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    // ---- objects Skiff does not have ---------------------------------------------------------

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("Clob values (use String)");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("Blob values (use byte[])");
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("NClob values (use String)");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("SQLXML values");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("java.sql.Array values (bind a java.util.List or Set with setObject)");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("Struct values (bind a java.util.Map with setObject)");
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Closes the connection's statements and session, and gives the database back. */
    @Override
    public void close() throws SQLException {
        if (closed.compareAndSet(false, true)) {
            release();
        }
    }

    /** Marks the connection closed at once and releases it on {@code executor}. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw DriverErrors.invalidArgument("abort needs an executor, not null");
        }
        if (closed.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    release();
                } catch (SQLException e) {
                    // Nobody waits for an aborted connection; its resources are freed as far as they can be.
                }
            });
        }
    }

    private void release() throws SQLException {
        SQLException failure = null;
        for (AbstractStatement statement : new ArrayList<>(statements)) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = chain(failure, e);
            }
        }
        try {
            synchronized (sessionLock) {
                for (SqlSession open : sessions.values()) {
                    SkiffErrors.perform(open::close);
                }
            }
        } catch (SQLException e) {
            failure = chain(failure, e);
        } finally {
            database.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException chain(SQLException first, SQLException next) {
        if (first == null) {
            return next;
        }
        first.setNextException(next);
        return first;
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    /** Embedded connections stay valid until closed. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw DriverErrors.invalidArgument("The timeout must be 0 or more seconds, not " + timeout);
        }
        return !closed.get();
    }

    void checkOpen() throws SQLException {
        if (closed.get()) {
            throw DriverErrors.connectionClosed();
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, type);
    }
}
