package io.skiff.jdbc;

import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.Dialect;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/**
 * The connection property {@code dialect}: {@code sql} (the default) or {@code partiql}, the
 * language every statement of the connection is written in.
 */
final class DialectProperty {

    static final String NAME = "dialect";

    private DialectProperty() {
    }

    /** The dialect the properties ask for. */
    static Dialect of(Properties info) throws SQLException {
        String value = info == null ? null : info.getProperty(NAME);
        if (value == null) {
            return Dialect.SQL;
        }
        try {
            return Dialect.parse(value);
        } catch (SkiffException e) {
            throw DriverErrors.of(DriverErrors.UNABLE_TO_CONNECT, "Connection property " + NAME + "='" + value
                    + "' is invalid: expected sql or partiql");
        }
    }

    /** What {@link java.sql.Driver#getPropertyInfo} reports for it. */
    static DriverPropertyInfo describe(Properties info) {
        String given = info == null ? null : info.getProperty(NAME);
        DriverPropertyInfo described = new DriverPropertyInfo(NAME, given != null ? given : Dialect.SQL.label());
        described.description = "the language of the connection's statements: sql, or partiql (DynamoDB's dialect)";
        described.required = false;
        described.choices = Arrays.stream(Dialect.values()).map(Dialect::label).toArray(String[]::new);
        return described;
    }
}
