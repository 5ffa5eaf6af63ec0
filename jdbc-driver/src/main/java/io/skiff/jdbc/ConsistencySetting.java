package io.skiff.jdbc;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.NoResultStatement;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read consistency of a connection: {@code eventual} (the default) or {@code strong}. Set
 * with the connection property {@code consistency}, or with the statement
 * {@code SET consistency = 'strong'} in either dialect. On a cluster, strong reads are
 * linearizable and eventual ones are served by the node's replica; a single node reads the
 * one copy either way.
 */
final class ConsistencySetting {

    static final String PROPERTY = "consistency";
    static final String EVENTUAL = "eventual";
    static final String STRONG = "strong";

    private static final Pattern STATEMENT = Pattern.compile(
            "\\s*SET\\s+consistency\\s*(?:=|\\s+TO\\s)\\s*(?:'([^']*)'|(\\w+))\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

    private ConsistencySetting() {
    }

    /** Whether the properties ask for strong reads. */
    static boolean strongIn(Properties info) throws SQLException {
        String value = info == null ? null : info.getProperty(PROPERTY);
        if (value == null) {
            return false;
        }
        try {
            return isStrong(value);
        } catch (SkiffException e) {
            throw DriverErrors.of(DriverErrors.UNABLE_TO_CONNECT, "Connection property " + e.getMessage());
        }
    }

    /** {@code true} for strong, {@code false} for eventual, ignoring case; anything else is refused. */
    static boolean isStrong(String value) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (name.equals(STRONG) || name.equals(EVENTUAL)) {
            return name.equals(STRONG);
        }
        throw SkiffException.validation(PROPERTY + "='" + value + "' is invalid: expected eventual or strong");
    }

    static String label(boolean strong) {
        return strong ? STRONG : EVENTUAL;
    }

    /**
     * The statement {@code text} as a change of the connection's consistency, if it is one: it
     * applies {@code apply} when executed.
     */
    static Optional<SqlStatement> statement(String text, Consumer<Boolean> apply) {
        Matcher matcher = STATEMENT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean strong = isStrong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        return Optional.of(new SetStatement(text, strong, apply));
    }

    /** What {@link java.sql.Driver#getPropertyInfo} reports for the property. */
    static DriverPropertyInfo describe(Properties info) {
        String given = info == null ? null : info.getProperty(PROPERTY);
        DriverPropertyInfo described = new DriverPropertyInfo(PROPERTY, given != null ? given : EVENTUAL);
        described.description = "how fresh reads must be on a cluster: eventual (the node's replica) or strong"
                + " (linearizable)";
        described.required = false;
        described.choices = new String[] {EVENTUAL, STRONG};
        return described;
    }

    /** {@code SET consistency = ...}, run by the driver itself. */
    private record SetStatement(String sql, boolean strong, Consumer<Boolean> apply) implements NoResultStatement {

        @Override
        public Kind kind() {
            return Kind.SESSION;
        }

        @Override
        public SqlResult execute(List<Object> parameters, Interruption interruption) {
            apply.accept(strong);
            return new SqlResult.UpdateCount(0);
        }
    }
}
