package io.skiff.core.error;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type of Skiff. Each carries a stable {@link ErrorCode}, a message that says
 * what was wrong and where, optionally a statement position, and for cancelled transactions one
 * {@link CancellationReason} per item.
 */
public class SkiffException extends RuntimeException {

    private final ErrorCode code;
    private final int line;
    private final int column;
    private final List<CancellationReason> cancellationReasons;

    public SkiffException(ErrorCode code, String message) {
        this(code, message, null, 0, 0, List.of());
    }

    public SkiffException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, 0, 0, List.of());
    }

    private SkiffException(ErrorCode code, String message, Throwable cause, int line, int column,
                           List<CancellationReason> reasons) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.line = line;
        this.column = column;
        this.cancellationReasons = List.copyOf(reasons);
    }

    /** A failure at a position of a statement's text (both 1-based). */
    public static SkiffException at(ErrorCode code, int line, int column, String message) {
        return new SkiffException(code, message + " at line " + line + ", column " + column,
                null, line, column, List.of());
    }

    /** A cancelled transaction with one reason per item, in the order of the transaction's items. */
    public static SkiffException transactionCancelled(List<CancellationReason> reasons) {
        StringBuilder summary = new StringBuilder("Transaction cancelled, reasons [");
        for (int i = 0; i < reasons.size(); i++) {
            if (i > 0) {
                summary.append(", ");
            }
            CancellationReason reason = reasons.get(i);
            summary.append(reason.isNone() ? "None" : reason.code().name());
        }
        summary.append(']');
        return new SkiffException(ErrorCode.TRANSACTION_CANCELLED, summary.toString(), null, 0, 0, reasons);
    }

    /**
     * A failure reported by another process (a server), rebuilt with its message exactly as sent
     * and its position, if any (0 when none), so that it reads and classifies as it did there.
     */
    public static SkiffException received(ErrorCode code, String message, int line, int column,
                                          List<CancellationReason> reasons) {
        return new SkiffException(code, message, null, line, column, reasons);
    }

    /** Shorthand for {@link ErrorCode#VALIDATION_ERROR}. */
    public static SkiffException validation(String message) {
        return new SkiffException(ErrorCode.VALIDATION_ERROR, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The SQLState of this failure's code. */
    public String sqlState() {
        return code.sqlState();
    }

    /** 1-based line of the statement position, or 0 when the failure has no position. */
    public int line() {
        return line;
    }

    /** 1-based column of the statement position, or 0 when the failure has no position. */
    public int column() {
        return column;
    }

    /** One reason per item for {@link ErrorCode#TRANSACTION_CANCELLED}; empty otherwise. */
    public List<CancellationReason> cancellationReasons() {
        return cancellationReasons;
    }
}
