package io.skiff.jdbc.embedded;

import io.skiff.core.error.SkiffException;
import io.skiff.jdbc.SkiffErrors;
import io.skiff.storage.EngineOptions;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Properties;

/**
 * The connection properties that tune an embedded database's storage engine. They take effect
 * when a connection opens the database; connections that join an already open database share
 * its engine as it is.
 */
final class EngineProperties {

    @FunctionalInterface
    private interface Setter {
        void apply(EngineOptions.Builder builder, String value) throws SQLException;
    }

    private record Property(String name, String defaultValue, String description, Setter setter) {
    }

    /** SQLState of a connection that could not be made: here, because of a property. */
    private static final String UNABLE_TO_CONNECT = "08001";

    private static final EngineOptions DEFAULTS = EngineOptions.defaults();

    private static final List<Property> PROPERTIES = List.of(
            new Property("syncWrites", Boolean.toString(DEFAULTS.syncWrites()),
                    "fsync the write-ahead log on every commit (survives power loss, slower writes)",
                    (builder, value) -> builder.syncWrites(parseBoolean("syncWrites", value))),
            new Property("maxItemBytes", Integer.toString(DEFAULTS.maxItemBytes()), "largest item in bytes",
                    (builder, value) -> builder.maxItemBytes(
                            (int) parseNumber("maxItemBytes", value, Integer.MAX_VALUE))),
            new Property("blockCacheBytes", Long.toString(DEFAULTS.blockCacheBytes()),
                    "size of the block cache in bytes",
                    (builder, value) -> builder.blockCacheBytes(parseNumber("blockCacheBytes", value, Long.MAX_VALUE))),
            new Property("writeBufferBytes", Long.toString(DEFAULTS.writeBufferBytes()),
                    "size of one memtable in bytes",
                    (builder, value) -> builder.writeBufferBytes(
                            parseNumber("writeBufferBytes", value, Long.MAX_VALUE))));

    private EngineProperties() {
    }

    /** The engine options the properties ask for; properties Skiff does not know (user, password...) are ignored. */
    static EngineOptions engineOptions(Properties info) throws SQLException {
        EngineOptions.Builder builder = EngineOptions.builder();
        for (Property property : PROPERTIES) {
            String value = info == null ? null : info.getProperty(property.name());
            if (value != null) {
                property.setter().apply(builder, value.trim());
            }
        }
        try {
            return builder.build();
        } catch (SkiffException e) {
            throw SkiffErrors.toSQLException(e);
        }
    }

    /** What {@link java.sql.Driver#getPropertyInfo} reports, with the values given so far. */
    static DriverPropertyInfo[] describe(Properties info) {
        DriverPropertyInfo[] result = new DriverPropertyInfo[PROPERTIES.size()];
        for (int i = 0; i < result.length; i++) {
            Property property = PROPERTIES.get(i);
            String given = info == null ? null : info.getProperty(property.name());
            DriverPropertyInfo described = new DriverPropertyInfo(property.name(),
                    given != null ? given : property.defaultValue());
            described.description = property.description() + "; applies when the connection opens the database";
            described.required = false;
            if (property.defaultValue().equals("true") || property.defaultValue().equals("false")) {
                described.choices = new String[] {"true", "false"};
            }
            result[i] = described;
        }
        return result;
    }

    private static boolean parseBoolean(String name, String value) throws SQLException {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(name, value, "true or false");
    }

    private static long parseNumber(String name, String value, long max) throws SQLException {
        try {
            long number = Long.parseLong(value);
            if (number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw invalid(name, value, "a whole number of bytes up to " + max);
    }

    private static SQLException invalid(String name, String value, String expected) {
        return new SQLNonTransientConnectionException("Connection property " + name + "='" + value
                + "' is invalid: expected " + expected, UNABLE_TO_CONNECT);
    }
}
