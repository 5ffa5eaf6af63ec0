package io.skiff.repl;

import io.skiff.jdbc.SkiffErrors;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports a failure as one line on standard error:
 * {@code ERROR <code> (<SQLState>): <message>}.
 *
 * <p>The code is the stable Skiff error code the driver puts in front of its messages
 * ({@code [DUPLICATE_ITEM] Duplicate item: ...}); a driver that does not do that gets its SQLState
 * in the code's place. When the failure has a position in the statement, two more lines show the
 * statement's line with a caret under it. A stack trace is printed only in debug mode: users act
 * on the code and the message, a trace is for whoever debugs the driver.
 */
public final class ErrorReporter {

    private static final Pattern CODE_PREFIX = Pattern.compile("\\[([A-Z][A-Z0-9_]*)]\\s*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private final PrintWriter err;
    private final boolean debug;

    /**
     * @param err   where reports go, normally standard error
     * @param debug whether each report is followed by the failure's stack trace
     */
    public ErrorReporter(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** Reports a failure. */
    public void report(Throwable failure) {
        report(failure, null);
    }

    /**
     * Reports a failure with where it happened, such as {@code statement at schema.sql:12},
     * appended in parentheses; {@code null} for no location.
     */
    public void report(Throwable failure, String location) {
        report(failure, location, null);
    }

    /**
     * Reports a failure of {@code statement} (the text the driver was given, or {@code null}):
     * when the failure says where in the statement it is, the line holding that position is
     * shown with a caret under it.
     */
    public void report(Throwable failure, String location, String statement) {
        err.println(location == null ? describe(failure) : describe(failure) + " (" + location + ")");
        if (statement != null && failure instanceof SQLException sqlFailure) {
            Caret.at(statement, SkiffErrors.lineOf(sqlFailure), SkiffErrors.columnOf(sqlFailure)).forEach(err::println);
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
    }

    /** The one line that describes a failure, without a location. */
    public static String describe(Throwable failure) {
        String message = LINE_BREAK.matcher(messageOf(failure).strip()).replaceAll(" ");
        if (!(failure instanceof SQLException sqlFailure)) {
            return "ERROR: " + message;
        }
        String sqlState = sqlFailure.getSQLState() == null || sqlFailure.getSQLState().isBlank()
                ? null : sqlFailure.getSQLState();
        Matcher prefix = CODE_PREFIX.matcher(message);
        String code = sqlState;
        if (prefix.lookingAt()) {
            code = prefix.group(1);
            message = message.substring(prefix.end());
        }
        if (code == null) {
            return "ERROR: " + message;
        }
        return sqlState == null || sqlState.equals(code)
                ? "ERROR " + code + ": " + message
                : "ERROR " + code + " (" + sqlState + "): " + message;
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
