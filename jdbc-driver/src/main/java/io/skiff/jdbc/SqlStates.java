package io.skiff.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * Picks the {@link SQLException} subclass for a SQLState, so that callers can catch the JDBC
 * category (syntax, integrity, data, ...) whichever layer raised the failure.
 */
final class SqlStates {

    private SqlStates() {
    }

    static SQLException exception(String message, String sqlState, int vendorCode, Throwable cause) {
        String sqlClass = sqlState.substring(0, 2);
        switch (sqlClass) {
            case "08":
                return new SQLNonTransientConnectionException(message, sqlState, vendorCode, cause);
            case "0A":
                return new SQLFeatureNotSupportedException(message, sqlState, vendorCode, cause);
            case "22":
                return new SQLDataException(message, sqlState, vendorCode, cause);
            case "23":
                return new SQLIntegrityConstraintViolationException(message, sqlState, vendorCode, cause);
            case "40":
                return new SQLTransactionRollbackException(message, sqlState, vendorCode, cause);
            case "42":
                return new SQLSyntaxErrorException(message, sqlState, vendorCode, cause);
            case "HY":
                return "HYT00".equals(sqlState) || "HYT01".equals(sqlState)
                        ? new SQLTimeoutException(message, sqlState, vendorCode, cause)
                        : new SQLException(message, sqlState, vendorCode, cause);
            default:
                return new SQLException(message, sqlState, vendorCode, cause);
        }
    }
}
