package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;

/**
 * The validation failures of expressions, worded like the reference system's so that clients
 * porting from it recognise them, and always naming the path or operand involved.
 */
final class ExprErrors {

    private ExprErrors() {
    }

    /** A literal operand whose type the operator or function can never accept. */
    static SkiffException incorrectOperandType(String operator, Object operand, AttributeType type) {
        return SkiffException.validation("Incorrect operand type for operator or function; operator or function: "
                + operator + ", operand type: " + type + ", operand: " + operand);
    }

    static SkiffException overlap(Path one, Path two) {
        return SkiffException.validation("Two document paths overlap with each other; must remove or rewrite"
                + " one of these paths; path one: " + one + ", path two: " + two);
    }

    static SkiffException conflict(Path one, Path two) {
        return SkiffException.validation("Two document paths conflict with each other; must remove or rewrite"
                + " one of these paths; path one: " + one + ", path two: " + two);
    }

    static SkiffException invalidUpdatePath(Path path, String reason) {
        return SkiffException.validation("The document path provided in the update expression is invalid for"
                + " update; path: " + path + " (" + reason + ")");
    }

    static SkiffException incorrectDataType(String detail) {
        return SkiffException.validation("An operand in the update expression has an incorrect data type; "
                + detail);
    }

    static SkiffException missingAttribute(Path path) {
        return SkiffException.validation("The provided expression refers to an attribute that does not exist"
                + " in the item; path: " + path);
    }
}
