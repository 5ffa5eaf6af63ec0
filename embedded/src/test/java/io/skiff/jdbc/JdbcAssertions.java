package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the SQLExceptions the driver raises. */
final class JdbcAssertions {

    private JdbcAssertions() {
    }

    /** The SQLException the call throws; fails the test when it throws none. */
    static SQLException sqlFailure(ThrowingCallable call) {
        SQLException failure = catchThrowableOfType(SQLException.class, call);
        assertThat((Throwable) failure).as("the call throws a SQLException").isNotNull();
        return failure;
    }

    /** The call fails with this SQLState; returns an assertion on the failure for more checks. */
    static AbstractThrowableAssert<?, ? extends Throwable> failsWithState(String sqlState, ThrowingCallable call) {
        SQLException failure = sqlFailure(call);
        assertThat(failure.getSQLState()).as("SQLState of: %s", failure.getMessage()).isEqualTo(sqlState);
        // SQLException is Iterable too, so assertThat needs to be told to treat it as a Throwable.
        return assertThat((Throwable) failure);
    }
}
