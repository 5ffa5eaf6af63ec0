package io.skiff.parser.partiql;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;

/**
 * Where a construct starts in the statement text: 1-based line and column (columns count
 * Unicode code points). Every AST node carries one, so that checks made long after parsing (by
 * the planner, or when a parameter's type is known) can still point at the text.
 */
public record Position(int line, int column) {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** A {@link ErrorCode#VALIDATION_ERROR} at this position. */
    public SkiffException invalid(String message) {
        return SkiffException.at(ErrorCode.VALIDATION_ERROR, line, column, message);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
