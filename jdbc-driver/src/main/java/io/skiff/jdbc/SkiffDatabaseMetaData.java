package io.skiff.jdbc;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeNames;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.NumberValue;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.IndexInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What Skiff is and holds, for generic tools. Tables, columns and keys come from the store's
 * catalog; the answers about SQL describe what Skiff does today: one schema ({@value #SCHEMA}),
 * no catalogs, autocommit only, forward-only read-only results, no stored procedures.
 *
 * <p>Columns are the declared ones: the partition key, the sort key, then declared attributes.
 * Undeclared attributes vary per item and are not listed.
 */
final class SkiffDatabaseMetaData implements DatabaseMetaData {

    /** The one schema every table lives in. */
    static final String SCHEMA = "skiff";
    static final String TABLE_TYPE = "TABLE";
    /** The name of every table's primary key, and of the unique index it is. */
    static final String PRIMARY_KEY = "PRIMARY";

    private final SkiffConnection connection;

    SkiffDatabaseMetaData(SkiffConnection connection) {
        this.connection = connection;
    }

    // ---- tables, columns, keys from the catalog ----------------------------------------------

    /** One declared column of a table. */
    private record TableColumn(String name, AttributeType type, String role, boolean key) {
    }

    /** Key-first order: partition key, sort key, declared attributes in declaration order. */
    private static List<TableColumn> columnsOf(TableSchema table) {
        List<TableColumn> columns = new ArrayList<>();
        columns.add(keyColumn(table.partitionKey(), "partition key"));
        table.sortKey().ifPresent(sortKey -> columns.add(keyColumn(sortKey, "sort key")));
        for (Map.Entry<String, AttributeType> declared : table.declaredAttributes().entrySet()) {
            columns.add(new TableColumn(declared.getKey(), declared.getValue(), "declared attribute", false));
        }
        return columns;
    }

    private static TableColumn keyColumn(KeyAttribute key, String role) {
        return new TableColumn(key.name(), key.type(), role, true);
    }

    private static List<TableColumn> keyColumnsOf(TableSchema table) {
        return columnsOf(table).stream().filter(TableColumn::key).toList();
    }

    /** The tables in the asked-for catalog and schema whose names match, by name. */
    private List<TableSchema> tables(String catalog, Predicate<String> schema, Predicate<String> table)
            throws SQLException {
        List<TableSchema> all = connection.tables();
        if (!inOurCatalog(catalog) || !schema.test(SCHEMA)) {
            return List.of();
        }
        return all.stream().filter(t -> table.test(t.name()))
                .sorted(Comparator.comparing(TableSchema::name)).toList();
    }

    /** Skiff has no catalogs: null (any) and "" (none) both match its tables. */
    private static boolean inOurCatalog(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    /** Digits of an N value; other types have no size to state. */
    private static Integer columnSize(AttributeType type) {
        return type == AttributeType.N ? NumberValue.MAX_PRECISION : null;
    }

    private ResultSet empty(List<ColumnInfo> columns) throws SQLException {
        connection.checkOpen();
        return new MetadataResult(columns).toResultSet();
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        MetadataResult result = new MetadataResult(MetadataColumns.TABLES);
        if (types == null || Arrays.asList(types).contains(TABLE_TYPE)) {
            for (TableSchema table : tables(catalog, SearchPattern.of(schemaPattern),
                    SearchPattern.of(tableNamePattern))) {
                result.add(null, SCHEMA, table.name(), TABLE_TYPE, null, null, null, null, null, null);
            }
        } else {
            connection.checkOpen();
        }
        return result.toResultSet();
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        MetadataResult result = new MetadataResult(MetadataColumns.COLUMNS);
        Predicate<String> columnMatches = SearchPattern.of(columnNamePattern);
        for (TableSchema table : tables(catalog, SearchPattern.of(schemaPattern), SearchPattern.of(tableNamePattern))) {
            List<TableColumn> columns = columnsOf(table);
            for (int i = 0; i < columns.size(); i++) {
                TableColumn column = columns.get(i);
                if (!columnMatches.test(column.name())) {
                    continue;
                }
                result.add(null, SCHEMA, table.name(), column.name(),
                        JdbcTypes.jdbcTypeOf(column.type()), JdbcTypes.typeNameOf(column.type()),
                        columnSize(column.type()), null, null, column.type() == AttributeType.N ? 10 : null,
                        column.key() ? columnNoNulls : columnNullable,
                        column.role() + ", Skiff type " + column.type(), null, null, null, null,
                        i + 1, column.key() ? "NO" : "YES", null, null, null, null, "NO", "NO");
            }
            if (columnMatches.test(io.skiff.sql.api.ColumnInfo.DOCUMENT)) {
                // The map of undeclared attributes that every Skiff table shows last in SELECT *.
                result.add(null, SCHEMA, table.name(), io.skiff.sql.api.ColumnInfo.DOCUMENT, java.sql.Types.JAVA_OBJECT, "MAP",
                        null, null, null, null, columnNullable, "the attributes the table does not declare", null,
                        null, null, null, columns.size() + 1, "YES", null, null, null, null, "NO", "NO");
            }
        }
        return result.toResultSet();
    }

    /** Ordered by column name, as JDBC asks; KEY_SEQ gives the key order. */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableSchema found : tables(catalog, SearchPattern.exactly(schema), SearchPattern.exactly(table))) {
            List<TableColumn> keys = keyColumnsOf(found);
            for (int i = 0; i < keys.size(); i++) {
                rows.add(new Object[] {null, SCHEMA, found.name(), keys.get(i).name(), i + 1, PRIMARY_KEY});
            }
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[3]));
        MetadataResult result = new MetadataResult(MetadataColumns.PRIMARY_KEYS);
        rows.forEach(result::add);
        return result.toResultSet();
    }

    /**
     * The primary key, as the one unique index. The partition key is stored in hash order, so only
     * the sort key has a direction.
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        MetadataResult result = new MetadataResult(MetadataColumns.INDEX_INFO);
        List<TableSchema> found = tables(catalog, SearchPattern.exactly(schema), SearchPattern.exactly(table));
        // Secondary indexes are asked for once (a call to a server when remote), and only when wanted.
        List<IndexInfo> secondary = unique || found.isEmpty() ? List.of() : connection.indexes();
        for (TableSchema each : found) {
            List<TableColumn> keys = keyColumnsOf(each);
            for (int i = 0; i < keys.size(); i++) {
                result.add(null, SCHEMA, each.name(), false, null, PRIMARY_KEY, (int) tableIndexOther, i + 1,
                        keys.get(i).name(), i == 0 ? null : "A", null, null, null);
            }
            // Secondary indexes: not unique, unordered; FILTER_CONDITION says how they are built.
            for (IndexInfo index : secondary) {
                if (index.table().equals(each.name())) {
                    result.add(null, SCHEMA, each.name(), true, null, index.name(), (int) tableIndexOther, 1,
                            index.attribute(), null, null, null, index.describe());
                }
            }
        }
        return result.toResultSet();
    }

    /** The key identifies an item for as long as it exists. */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        MetadataResult result = new MetadataResult(MetadataColumns.BEST_ROW_IDENTIFIER);
        for (TableSchema found : tables(catalog, SearchPattern.exactly(schema), SearchPattern.exactly(table))) {
            for (TableColumn key : keyColumnsOf(found)) {
                result.add((int) bestRowSession, key.name(), JdbcTypes.jdbcTypeOf(key.type()),
                        JdbcTypes.typeNameOf(key.type()), columnSize(key.type()), null, null, (int) bestRowNotPseudo);
            }
        }
        return result.toResultSet();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        connection.checkOpen();
        MetadataResult result = new MetadataResult(MetadataColumns.SCHEMAS);
        if (inOurCatalog(catalog) && SearchPattern.of(schemaPattern).test(SCHEMA)) {
            result.add(SCHEMA, null);
        }
        return result.toResultSet();
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return empty(MetadataColumns.CATALOGS);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        connection.checkOpen();
        return new MetadataResult(MetadataColumns.TABLE_TYPES).add(TABLE_TYPE).toResultSet();
    }

    /** The SQL types of Skiff's values, by DATA_TYPE. */
    @Override
    public ResultSet getTypeInfo() throws SQLException {
        connection.checkOpen();
        MetadataResult result = new MetadataResult(MetadataColumns.TYPE_INFO);
        addType(result, "BIGINT", Types.BIGINT, 19, null, false);
        addType(result, "VARBINARY", Types.VARBINARY, null, "X'", false);
        addType(result, "DECIMAL", Types.DECIMAL, NumberValue.MAX_PRECISION, null, false);
        addType(result, "INTEGER", Types.INTEGER, 10, null, false);
        addType(result, "DOUBLE", Types.DOUBLE, 15, null, false);
        addType(result, "VARCHAR", Types.VARCHAR, null, "'", true);
        addType(result, "BOOLEAN", Types.BOOLEAN, 1, null, false);
        return result.toResultSet();
    }

    private static void addType(MetadataResult result, String name, int jdbcType, Integer precision,
                                String literalQuote, boolean caseSensitive) {
        boolean numeric = JdbcTypes.isNumeric(jdbcType);
        Integer maxScale = jdbcType == Types.DECIMAL ? NumberValue.MAX_PRECISION : 0;
        result.add(name, jdbcType, precision, literalQuote, literalQuote == null ? null : "'", null,
                (int) typeNullable, caseSensitive, (int) typeSearchable, numeric ? false : null, false, false, null,
                numeric ? 0 : null, numeric ? maxScale : null, null, null, numeric ? 10 : null);
    }

    // ---- what Skiff does not have: empty results ---------------------------------------------

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty(MetadataColumns.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return empty(MetadataColumns.FUNCTIONS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty(MetadataColumns.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(MetadataColumns.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.VERSION_COLUMNS);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty(MetadataColumns.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty(MetadataColumns.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(MetadataColumns.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return empty(MetadataColumns.ATTRIBUTES);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty(MetadataColumns.CLIENT_INFO_PROPERTIES);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PSEUDO_COLUMNS);
    }

    // ---- product, driver, connection ---------------------------------------------------------

    @Override
    public String getDatabaseProductName() {
        return "Skiff";
    }

    /** An embedded database is the driver's own build. */
    @Override
    public String getDatabaseProductVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDatabaseMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public String getDriverName() {
        return DriverVersion.DRIVER_NAME;
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    /** Embedded databases have no users. */
    @Override
    public String getUserName() {
        return "";
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean usesLocalFiles() {
        return true;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    // ---- SQL dialect -------------------------------------------------------------------------

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    /** The dialect's words beyond SQL:2003: EXPLAIN, RETURNING on mutations, PartiQL's VALUE. */
    @Override
    public String getSQLKeywords() {
        return "EXPLAIN,RETURNING,VALUE";
    }

    /** Skiff promises no JDBC escape functions ({fn ...}); its functions are called by name. */
    @Override
    public String getNumericFunctions() {
        return "";
    }

    @Override
    public String getStringFunctions() {
        return "";
    }

    @Override
    public String getSystemFunctions() {
        return "";
    }

    @Override
    public String getTimeDateFunctions() {
        return "";
    }

    @Override
    public String getSearchStringEscape() {
        return SearchPattern.ESCAPE;
    }

    /** Table names may also hold '-' and '.', which need quoting; unquoted identifiers take none. */
    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    /** Names are case-sensitive and kept as written, like attribute names. */
    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    /** Statements of different connections run at the same time, each committing on its own. */
    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    /** Key attributes can never be NULL. */
    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    // ---- transactions: autocommit only -------------------------------------------------------

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsSavepoints() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    /** Another statement's commit leaves an open result set readable. */
    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    // ---- result sets and statements ----------------------------------------------------------

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    // ---- limits: 0 where there is none or it depends on the engine's options -----------------

    @Override
    public int getMaxTableNameLength() {
        return AttributeNames.MAX_TABLE_NAME_LENGTH;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 2;
    }

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return SCHEMA.length();
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return true;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
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
