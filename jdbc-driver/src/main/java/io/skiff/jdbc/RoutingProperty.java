package io.skiff.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * The connection property {@code routing} of a remote connection: {@code leader} (the default)
 * sends each execution of a statement keyed by one partition to the server of the URL's host
 * list that leads the partition's Raft group; {@code server} sends every statement to the
 * connected server, which forwards writes to the leaders itself.
 */
final class RoutingProperty {

    static final String NAME = "routing";
    static final String LEADER = "leader";
    static final String SERVER = "server";

    private RoutingProperty() {
    }

    /** Whether the properties ask for statements to go to group leaders. */
    static boolean toLeaders(Properties info) throws SQLException {
        String value = info == null ? null : info.getProperty(NAME);
        if (value == null) {
            return true;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (!name.equals(LEADER) && !name.equals(SERVER)) {
            throw DriverErrors.of(DriverErrors.UNABLE_TO_CONNECT, "Connection property " + NAME + "='" + value
                    + "' is invalid: expected leader or server");
        }
        return name.equals(LEADER);
    }

    /** What {@link java.sql.Driver#getPropertyInfo} reports for it. */
    static DriverPropertyInfo describe(Properties info) {
        String given = info == null ? null : info.getProperty(NAME);
        DriverPropertyInfo described = new DriverPropertyInfo(NAME, given != null ? given : LEADER);
        described.description = "where a remote connection sends a statement keyed by one partition: leader (the"
                + " server of the host list leading its group) or server (the connected server, which forwards)";
        described.required = false;
        described.choices = new String[] {LEADER, SERVER};
        return described;
    }
}
