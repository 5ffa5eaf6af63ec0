package io.skiff.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.SQLException;

/**
 * Reads the streams given to {@code setBinaryStream} and friends into values: Skiff items are
 * small (400 KB by default), so a value is always held whole.
 */
final class StreamValues {

    /** A length that means "read to the end". */
    static final long TO_END = -1;

    private StreamValues() {
    }

    static byte[] readBytes(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        int limit = checkLength(length);
        try {
            return length == TO_END ? in.readAllBytes() : in.readNBytes(limit);
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    static String readText(Reader in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        int limit = checkLength(length);
        try {
            if (length == TO_END) {
                StringWriter all = new StringWriter();
                in.transferTo(all);
                return all.toString();
            }
            char[] text = new char[limit];
            int filled = 0;
            int read;
            while (filled < limit && (read = in.read(text, filled, limit - filled)) >= 0) {
                filled += read;
            }
            return new String(text, 0, filled);
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    private static int checkLength(long length) throws SQLException {
        if (length == TO_END) {
            return 0;
        }
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw DriverErrors.invalidArgument("A stream length must be 0 to " + Integer.MAX_VALUE + ", not " + length);
        }
        return (int) length;
    }

    private static SQLException readFailure(IOException e) {
        return DriverErrors.of(DriverErrors.GENERAL_ERROR, "Could not read the stream given as a parameter: " + e, e);
    }
}
