package io.skiff.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The failures the driver raises itself, each with the standard SQLState for its kind (vendor
 * code 0, no Skiff code). docs/jdbc.md lists them; keep the two in step.
 */
final class DriverErrors {

    static final String UNABLE_TO_CONNECT = "08001";
    static final String CONNECTION_CLOSED = "08003";
    static final String OBJECT_CLOSED = "HY010";
    static final String INVALID_ARGUMENT = "HY024";
    static final String GENERAL_ERROR = "HY000";
    static final String NOT_SUPPORTED = "0A000";
    static final String PARAMETER_NOT_SET = "07001";
    static final String QUERY_NOT_ALLOWED = "07003";
    static final String NOT_A_QUERY = "07005";
    static final String INVALID_INDEX = "07009";
    static final String NO_CURRENT_ROW = "24000";
    static final String NO_TRANSACTION = "25000";
    static final String READ_ONLY = "25006";
    static final String UNKNOWN_COLUMN = "42S22";
    static final String INVALID_SCHEMA = "3F000";
    static final String INCOMPATIBLE_TYPE = "22005";
    static final String OUT_OF_RANGE = "22003";
    static final String INVALID_TEXT = "22018";

    private DriverErrors() {
    }

    static SQLException of(String sqlState, String message) {
        return of(sqlState, message, null);
    }

    static SQLException of(String sqlState, String message, Throwable cause) {
        return SqlStates.exception(message, sqlState, 0, cause);
    }

    static SQLException connectionClosed() {
        return of(CONNECTION_CLOSED, "The connection is closed");
    }

    /** {@code what} is "statement" or "result set". */
    static SQLException closed(String what) {
        return of(OBJECT_CLOSED, "The " + what + " is closed");
    }

    /** {@code feature} names what the caller asked for, e.g. "Savepoints". */
    static SQLFeatureNotSupportedException notSupported(String feature) {
        return new SQLFeatureNotSupportedException(feature + " are not supported by Skiff", NOT_SUPPORTED);
    }

    /** A feature whose name does not read well with "are not supported", with its own sentence. */
    static SQLFeatureNotSupportedException notSupportedBecause(String sentence) {
        return new SQLFeatureNotSupportedException(sentence, NOT_SUPPORTED);
    }

    /** Checks a 1-based column index against the number of columns of a result. */
    static void checkColumnIndex(int index, int count) throws SQLException {
        if (index < 1 || index > count) {
            throw of(INVALID_INDEX, "Column index " + index + " is out of range: the result has " + count + " columns");
        }
    }

    /** Checks a 1-based parameter index against the number of {@code ?} markers of a statement. */
    static void checkParameterIndex(int index, int count) throws SQLException {
        if (index < 1 || index > count) {
            throw of(INVALID_INDEX, "Parameter index " + index + " is out of range: the statement has " + count
                    + " parameters");
        }
    }

    static SQLFeatureNotSupportedException noTemporalTypes() {
        return notSupportedBecause("Skiff has no date or time types; keep dates and times as ISO-8601 strings"
                + " (setString, getString)");
    }

    static SQLException invalidArgument(String message) {
        return of(INVALID_ARGUMENT, message);
    }
}
