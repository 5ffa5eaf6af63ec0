package io.skiff.jdbc;

import io.skiff.sql.api.ColumnInfo;
import java.util.List;

/** The columns JDBC prescribes for each {@code DatabaseMetaData} result, in its order. */
final class MetadataColumns {

    static final List<ColumnInfo> TABLES = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE"
            + " REMARKS TYPE_CAT TYPE_SCHEM TYPE_NAME SELF_REFERENCING_COL_NAME REF_GENERATION");
    static final List<ColumnInfo> COLUMNS = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME"
            + " DATA_TYPE:int TYPE_NAME COLUMN_SIZE:int BUFFER_LENGTH:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int"
            + " NULLABLE:int REMARKS COLUMN_DEF SQL_DATA_TYPE:int SQL_DATETIME_SUB:int CHAR_OCTET_LENGTH:int"
            + " ORDINAL_POSITION:int IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE SOURCE_DATA_TYPE:short"
            + " IS_AUTOINCREMENT IS_GENERATEDCOLUMN");
    static final List<ColumnInfo> PRIMARY_KEYS = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " COLUMN_NAME KEY_SEQ:short PK_NAME");
    static final List<ColumnInfo> INDEX_INFO = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " NON_UNIQUE:bool INDEX_QUALIFIER INDEX_NAME TYPE:short ORDINAL_POSITION:short COLUMN_NAME ASC_OR_DESC"
            + " CARDINALITY:long PAGES:long FILTER_CONDITION");
    static final List<ColumnInfo> TYPE_INFO = MetadataResult.columns("TYPE_NAME DATA_TYPE:int PRECISION:int"
            + " LITERAL_PREFIX LITERAL_SUFFIX CREATE_PARAMS NULLABLE:short CASE_SENSITIVE:bool SEARCHABLE:short"
            + " UNSIGNED_ATTRIBUTE:bool FIXED_PREC_SCALE:bool AUTO_INCREMENT:bool LOCAL_TYPE_NAME MINIMUM_SCALE:short"
            + " MAXIMUM_SCALE:short SQL_DATA_TYPE:int SQL_DATETIME_SUB:int NUM_PREC_RADIX:int");
    static final List<ColumnInfo> SCHEMAS = MetadataResult.columns("TABLE_SCHEM TABLE_CATALOG");
    static final List<ColumnInfo> CATALOGS = MetadataResult.columns("TABLE_CAT");
    static final List<ColumnInfo> TABLE_TYPES = MetadataResult.columns("TABLE_TYPE");
    static final List<ColumnInfo> BEST_ROW_IDENTIFIER = MetadataResult.columns("SCOPE:short COLUMN_NAME"
            + " DATA_TYPE:int TYPE_NAME COLUMN_SIZE:int BUFFER_LENGTH:int DECIMAL_DIGITS:short PSEUDO_COLUMN:short");
    /** getVersionColumns has the columns of getBestRowIdentifier. */
    static final List<ColumnInfo> VERSION_COLUMNS = BEST_ROW_IDENTIFIER;
    /** getImportedKeys, getExportedKeys and getCrossReference share these. */
    static final List<ColumnInfo> KEYS = MetadataResult.columns("PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME"
            + " PKCOLUMN_NAME FKTABLE_CAT FKTABLE_SCHEM FKTABLE_NAME FKCOLUMN_NAME KEY_SEQ:short UPDATE_RULE:short"
            + " DELETE_RULE:short FK_NAME PK_NAME DEFERRABILITY:short");
    static final List<ColumnInfo> PROCEDURES = MetadataResult.columns("PROCEDURE_CAT PROCEDURE_SCHEM"
            + " PROCEDURE_NAME RESERVED1 RESERVED2 RESERVED3 REMARKS PROCEDURE_TYPE:short SPECIFIC_NAME");
    static final List<ColumnInfo> PROCEDURE_COLUMNS = MetadataResult.columns("PROCEDURE_CAT PROCEDURE_SCHEM"
            + " PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE:short DATA_TYPE:int TYPE_NAME PRECISION:int LENGTH:int"
            + " SCALE:short RADIX:short NULLABLE:short REMARKS COLUMN_DEF SQL_DATA_TYPE:int SQL_DATETIME_SUB:int"
            + " CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE SPECIFIC_NAME");
    static final List<ColumnInfo> FUNCTIONS = MetadataResult.columns("FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME"
            + " REMARKS FUNCTION_TYPE:short SPECIFIC_NAME");
    static final List<ColumnInfo> FUNCTION_COLUMNS = MetadataResult.columns("FUNCTION_CAT FUNCTION_SCHEM"
            + " FUNCTION_NAME COLUMN_NAME COLUMN_TYPE:short DATA_TYPE:int TYPE_NAME PRECISION:int LENGTH:int"
            + " SCALE:short RADIX:short NULLABLE:short REMARKS CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE"
            + " SPECIFIC_NAME");
    static final List<ColumnInfo> COLUMN_PRIVILEGES = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " COLUMN_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
    static final List<ColumnInfo> TABLE_PRIVILEGES = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
    static final List<ColumnInfo> UDTS = MetadataResult.columns("TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME"
            + " DATA_TYPE:int REMARKS BASE_TYPE:short");
    static final List<ColumnInfo> SUPER_TYPES = MetadataResult.columns("TYPE_CAT TYPE_SCHEM TYPE_NAME"
            + " SUPERTYPE_CAT SUPERTYPE_SCHEM SUPERTYPE_NAME");
    static final List<ColumnInfo> SUPER_TABLES = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " SUPERTABLE_NAME");
    static final List<ColumnInfo> ATTRIBUTES = MetadataResult.columns("TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME"
            + " DATA_TYPE:int ATTR_TYPE_NAME ATTR_SIZE:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int NULLABLE:int REMARKS"
            + " ATTR_DEF SQL_DATA_TYPE:int SQL_DATETIME_SUB:int CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE"
            + " SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE SOURCE_DATA_TYPE:short");
    static final List<ColumnInfo> CLIENT_INFO_PROPERTIES = MetadataResult.columns("NAME MAX_LEN:int DEFAULT_VALUE"
            + " DESCRIPTION");
    static final List<ColumnInfo> PSEUDO_COLUMNS = MetadataResult.columns("TABLE_CAT TABLE_SCHEM TABLE_NAME"
            + " COLUMN_NAME DATA_TYPE:int COLUMN_SIZE:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int COLUMN_USAGE REMARKS"
            + " CHAR_OCTET_LENGTH:int IS_NULLABLE");

    private MetadataColumns() {
    }
}
