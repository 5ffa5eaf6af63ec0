package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;

/** Errors of one statement among several, named by its place in the request. */
final class StatementErrors {

    private StatementErrors() {
    }

    /**
     * The error, its message starting with which statement of the request failed; the code and
     * the position within that statement's text are kept.
     */
    static SkiffException inStatement(int index, String request, SkiffException e) {
        String prefix = "Statement " + (index + 1) + " of the " + request + ": ";
        if (e.line() > 0) {
            String suffix = " at line " + e.line() + ", column " + e.column();
            String message = e.getMessage().endsWith(suffix)
                    ? e.getMessage().substring(0, e.getMessage().length() - suffix.length()) : e.getMessage();
            return SkiffException.at(e.code(), e.line(), e.column(), prefix + message);
        }
        return new SkiffException(e.code(), prefix + e.getMessage(), e);
    }
}
