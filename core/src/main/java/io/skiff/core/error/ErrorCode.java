package io.skiff.core.error;

/**
 * Every failure Skiff reports, with the stable code clients match on, the SQLState the JDBC
 * driver reports and the gRPC status the server answers with.
 *
 * <p>The {@link #name()} of a constant is its stable code and {@link #number()} its stable
 * number (the JDBC vendor code); changing either is a breaking change. Numbers are never reused.
 */
public enum ErrorCode {
    /** Input that breaks a documented rule: a bad value, a missing key, an over-long batch. */
    VALIDATION_ERROR(1, "22023", "INVALID_ARGUMENT"),
    /** Statement text that does not parse. */
    SYNTAX_ERROR(2, "42601", "INVALID_ARGUMENT"),
    /** The named table does not exist. */
    TABLE_NOT_FOUND(3, "42S02", "NOT_FOUND"),
    /** A table of that name already exists. */
    TABLE_ALREADY_EXISTS(4, "42S01", "ALREADY_EXISTS"),
    /** A write's condition evaluated to false; nothing was written. */
    CONDITIONAL_CHECK_FAILED(5, "23514", "FAILED_PRECONDITION"),
    /** An insert found an item with the same key; nothing was written. */
    DUPLICATE_ITEM(6, "23505", "ALREADY_EXISTS"),
    /** An item is larger than the configured item size limit. */
    ITEM_TOO_LARGE(7, "54000", "INVALID_ARGUMENT"),
    /** A transaction was cancelled; the exception carries one reason per item. */
    TRANSACTION_CANCELLED(8, "40002", "ABORTED"),
    /** The item changed between the read and the write of a statement; retrying may succeed. */
    WRITE_CONFLICT(9, "40001", "ABORTED"),
    /** A named checkpoint does not exist. */
    CHECKPOINT_NOT_FOUND(10, "42704", "NOT_FOUND"),
    /** A checkpoint of that name already exists. */
    CHECKPOINT_ALREADY_EXISTS(11, "42710", "ALREADY_EXISTS"),
    /** The statement was cancelled (JDBC {@code Statement.cancel}, a client that went away). */
    QUERY_CANCELLED(16, "57014", "CANCELLED"),
    /** The statement ran past its time limit (JDBC query timeout, gRPC deadline) and was stopped. */
    QUERY_TIMEOUT(17, "HYT00", "DEADLINE_EXCEEDED"),
    /** The data directory is open in another engine (another process, or this one). */
    DATABASE_IN_USE(12, "55006", "FAILED_PRECONDITION"),
    /** The engine was closed, or was never opened. */
    ENGINE_CLOSED(13, "55000", "UNAVAILABLE"),
    /** The storage layer failed to read or write (disk full, I/O error, corruption). */
    STORAGE_ERROR(14, "58030", "INTERNAL"),
    /** A bug: something Skiff did not expect. */
    INTERNAL_ERROR(15, "XX000", "INTERNAL"),
    /**
     * The cluster could not commit or serve the request in time: no leader, no quorum, or the
     * node is shutting down. Whether a write took effect is unknown; retrying is safe only for
     * writes that are idempotent or conditional.
     */
    CLUSTER_UNAVAILABLE(18, "08006", "UNAVAILABLE");

    private final int number;
    private final String sqlState;
    private final String grpcStatus;

    ErrorCode(int number, String sqlState, String grpcStatus) {
        this.number = number;
        this.sqlState = sqlState;
        this.grpcStatus = grpcStatus;
    }

    /** The stable positive number of this code, independent of declaration order. */
    public int number() {
        return number;
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
