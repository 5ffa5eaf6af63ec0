package io.skiff.core.error;

/**
 * Every failure Skiff reports, with the stable code clients match on, the SQLState the JDBC
 * driver reports and the gRPC status the server answers with.
 *
 * <p>The {@link #name()} of a constant is its stable code; renaming one is a breaking change.
 */
public enum ErrorCode {
    /** Input that breaks a documented rule: a bad value, a missing key, an over-long batch. */
    VALIDATION_ERROR("22023", "INVALID_ARGUMENT"),
    /** Statement text that does not parse. */
    SYNTAX_ERROR("42601", "INVALID_ARGUMENT"),
    /** The named table does not exist. */
    TABLE_NOT_FOUND("42S02", "NOT_FOUND"),
    /** A table of that name already exists. */
    TABLE_ALREADY_EXISTS("42S01", "ALREADY_EXISTS"),
    /** A write's condition evaluated to false; nothing was written. */
    CONDITIONAL_CHECK_FAILED("23514", "FAILED_PRECONDITION"),
    /** An insert found an item with the same key; nothing was written. */
    DUPLICATE_ITEM("23505", "ALREADY_EXISTS"),
    /** An item is larger than the configured item size limit. */
    ITEM_TOO_LARGE("54000", "INVALID_ARGUMENT"),
    /** A transaction was cancelled; the exception carries one reason per item. */
    TRANSACTION_CANCELLED("40002", "ABORTED"),
    /** The item changed between the read and the write of a statement; retrying may succeed. */
    WRITE_CONFLICT("40001", "ABORTED"),
    /** A named checkpoint does not exist. */
    CHECKPOINT_NOT_FOUND("42704", "NOT_FOUND"),
    /** A checkpoint of that name already exists. */
    CHECKPOINT_ALREADY_EXISTS("42710", "ALREADY_EXISTS"),
    /** The data directory is open in another engine (another process, or this one). */
    DATABASE_IN_USE("55006", "FAILED_PRECONDITION"),
    /** The engine was closed, or was never opened. */
    ENGINE_CLOSED("55000", "UNAVAILABLE"),
    /** The storage layer failed to read or write (disk full, I/O error, corruption). */
    STORAGE_ERROR("58030", "INTERNAL"),
    /** A bug: something Skiff did not expect. */
    INTERNAL_ERROR("XX000", "INTERNAL");

    private final String sqlState;
    private final String grpcStatus;

    ErrorCode(String sqlState, String grpcStatus) {
        this.sqlState = sqlState;
        this.grpcStatus = grpcStatus;
    }

    /** The five-character SQLState the JDBC driver reports for this failure. */
    public String sqlState() {
        return sqlState;
    }

    /** The name of the gRPC status code ({@code io.grpc.Status.Code}) the server answers with. */
    public String grpcStatus() {
        return grpcStatus;
    }
}
