package io.skiff.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The driver's name, and the version it was built as, from the build-filtered {@code driver.properties}. */
final class DriverVersion {

    static final String DRIVER_NAME = "Skiff JDBC driver";

    static final String VERSION = load();
    static final int MAJOR = part(0);
    static final int MINOR = part(1);

    private DriverVersion() {
    }

    private static String load() {
        try (InputStream in = DriverVersion.class.getResourceAsStream("driver.properties")) {
            if (in == null) {
                throw new IllegalStateException("driver.properties is missing from the Skiff JDBC driver");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numeric part of the version, e.g. 1 of "0.1.0-SNAPSHOT". */
    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
