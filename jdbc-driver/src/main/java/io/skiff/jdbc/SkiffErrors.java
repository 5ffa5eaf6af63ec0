package io.skiff.jdbc;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How Skiff's failures appear in JDBC, and how to read Skiff's details back.
 *
 * <p>A failure reported by Skiff becomes a {@link SQLException} whose
 * <ul>
 *   <li>{@link SQLException#getSQLState() SQLState} is {@link ErrorCode#sqlState()},</li>
 *   <li>message starts with the stable code in brackets, e.g. {@code [DUPLICATE_ITEM] ...},</li>
 *   <li>{@link SQLException#getErrorCode() vendor code} is {@code code.number()},</li>
 *   <li>cause is the {@link SkiffException}, and</li>
 *   <li>class is the JDBC subclass of its SQLState class: {@code SQLSyntaxErrorException} (42),
 *       {@code SQLIntegrityConstraintViolationException} (23), {@code SQLDataException} (22),
 *       {@code SQLTransactionRollbackException} (40), {@code SQLNonTransientConnectionException}
 *       (08 and {@link ErrorCode#ENGINE_CLOSED}), otherwise {@code SQLException}.</li>
 * </ul>
 *
 * <p>Failures the driver raises itself (a closed connection, a parameter left unset, a feature
 * Skiff does not offer) have a standard SQLState and vendor code 0, and no Skiff code.
 */
public final class SkiffErrors {

    /** Causes are followed at most this deep, so a cyclic cause chain cannot loop forever. */
    private static final int MAX_CAUSE_DEPTH = 32;

    private SkiffErrors() {
    }

    /** The stable Skiff code of a failure, or empty when the driver raised it itself. */
    public static Optional<ErrorCode> codeOf(SQLException e) {
        return skiffCause(e).map(SkiffException::code);
    }

    /** The 1-based line of the statement position of a failure, or 0 when it has none. */
    public static int lineOf(SQLException e) {
        return skiffCause(e).map(SkiffException::line).orElse(0);
    }

    /** The 1-based column of the statement position of a failure, or 0 when it has none. */
    public static int columnOf(SQLException e) {
        return skiffCause(e).map(SkiffException::column).orElse(0);
    }

    /**
     * The Skiff failure behind a JDBC failure, found along its causes (a
     * {@link java.sql.BatchUpdateException} has the failed command's SQLException as cause).
     */
    public static Optional<SkiffException> skiffCause(Throwable e) {
        Throwable current = e;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof SkiffException skiff) {
                return Optional.of(skiff);
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /** The JDBC form of a Skiff failure, as described on this class. */
    public static SQLException toSQLException(SkiffException e) {
        ErrorCode code = e.code();
        String message = "[" + code.name() + "] " + e.getMessage();
        int vendorCode = code.number();
        if (code == ErrorCode.ENGINE_CLOSED) {
            // The database behind the connection is gone: a connection failure, whatever its SQLState class.
            return new SQLNonTransientConnectionException(message, code.sqlState(), vendorCode, e);
        }
        if (code == ErrorCode.CLUSTER_UNAVAILABLE) {
            // No leader or no quorum for now: the same call may succeed once the cluster recovers.
            return new SQLTransientConnectionException(message, code.sqlState(), vendorCode, e);
        }
        return SqlStates.exception(message, code.sqlState(), vendorCode, e);
    }

    /**
     * Runs a call into the SQL engine or the store and reports its failures the JDBC way. A
     * runtime exception that is not a {@link SkiffException} is a Skiff bug, reported as
     * {@link ErrorCode#INTERNAL_ERROR}.
     */
    static <T> T translate(Supplier<T> call) throws SQLException {
        try {
            return call.get();
        } catch (SkiffException e) {
            throw toSQLException(e);
        } catch (RuntimeException e) {
            throw toSQLException(new SkiffException(ErrorCode.INTERNAL_ERROR, "Unexpected failure: " + e, e));
        }
    }

    /** {@link #translate(Supplier)} for calls without a result. */
    static void perform(Runnable call) throws SQLException {
        translate(() -> {
            call.run();
            return null;
        });
    }
}
