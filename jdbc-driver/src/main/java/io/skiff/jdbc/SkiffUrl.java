package io.skiff.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;

/** A parsed Skiff JDBC URL: one of the three forms docs/jdbc.md lists. */
sealed interface SkiffUrl {

    /** Every Skiff URL starts with this. */
    String PREFIX = "jdbc:skiff:";

    /** {@code jdbc:skiff:file:<dir>}: an embedded, durable database in a directory. */
    record File(Path directory) implements SkiffUrl {
    }

    /** {@code jdbc:skiff:mem:[<name>]}: an embedded throw-away database; an empty name is private to one connection. */
    record Memory(String name) implements SkiffUrl {
    }

    /** {@code jdbc:skiff://host:port[,host:port...]}: a server or cluster. */
    record Remote(String hosts) implements SkiffUrl {
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Parses a URL that {@link #accepts} accepts. */
    static SkiffUrl parse(String url) throws SQLException {
        String rest = url.substring(PREFIX.length());
        if (rest.startsWith("file:")) {
            String directory = rest.substring("file:".length());
            if (directory.isBlank()) {
                throw malformed(url, "a file URL needs a directory, e.g. jdbc:skiff:file:data");
            }
            try {
                return new File(Path.of(directory));
            } catch (InvalidPathException e) {
                throw malformed(url, "'" + directory + "' is not a valid directory path: " + e.getReason());
            }
        }
        if (rest.startsWith("mem:")) {
            return new Memory(rest.substring("mem:".length()));
        }
        if (rest.startsWith("//")) {
            return new Remote(rest.substring(2));
        }
        throw malformed(url, "use jdbc:skiff:file:<dir>, jdbc:skiff:mem:[<name>] or jdbc:skiff://host:port");
    }

    private static SQLException malformed(String url, String advice) {
        return DriverErrors.of(DriverErrors.UNABLE_TO_CONNECT, "Unsupported Skiff URL '" + url + "': " + advice);
    }
}
