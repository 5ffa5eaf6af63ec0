package io.skiff.sql.exec;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/** Turns Calcite's validation and execution failures into Skiff errors with positions. */
final class CalciteErrors {

    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Object '([^']*)' not found.*");

    private CalciteErrors() {
    }

    /** A failure while validating or planning a statement. */
    static SkiffException ofValidation(Throwable failure) {
        SkiffException skiff = findSkiff(failure);
        if (skiff != null) {
            return skiff;
        }
        CalciteContextException context = find(failure, CalciteContextException.class);
        if (context != null) {
            String message = context.getCause() != null && context.getCause().getMessage() != null
                    ? context.getCause().getMessage() : context.getMessage();
            Matcher table = TABLE_NOT_FOUND.matcher(message);
            ErrorCode code = table.matches() ? ErrorCode.TABLE_NOT_FOUND : ErrorCode.VALIDATION_ERROR;
            String text = table.matches() ? "Table '" + table.group(1) + "' does not exist" : message;
            return SkiffException.at(code, Math.max(1, context.getPosLine()), Math.max(1, context.getPosColumn()), text);
        }
        UnsupportedOperationException unsupported = find(failure, UnsupportedOperationException.class);
        if (unsupported != null && String.valueOf(unsupported.getMessage()).contains("SqlDynamicParam")) {
            // Calcite never types a ? inside ORDER BY; OrderByMarkers moves those of the outermost query
            // (and of a WITH body) to its select list, but not those of a sub-query in FROM or of an
            // INSERT's query, whose columns would change.
            return new SkiffException(ErrorCode.VALIDATION_ERROR, "A ? marker inside an ORDER BY expression of a"
                    + " sub-query or of the query of an INSERT is not supported: compute it in that query's select"
                    + " list and order by its name, as in SELECT id, cosine(v, ?) AS d FROM t ORDER BY d LIMIT 10",
                    failure);
        }
        return new SkiffException(ErrorCode.VALIDATION_ERROR, messageOf(failure), failure);
    }

    /** A failure while running a plan. */
    static SkiffException ofExecution(Throwable failure) {
        SkiffException skiff = findSkiff(failure);
        if (skiff != null) {
            return skiff;
        }
        return new SkiffException(ErrorCode.VALIDATION_ERROR, "Statement failed: " + messageOf(failure), failure);
    }

    private static SkiffException findSkiff(Throwable failure) {
        return find(failure, SkiffException.class);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String messageOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return message != null ? message : root.getClass().getSimpleName();
    }
}
