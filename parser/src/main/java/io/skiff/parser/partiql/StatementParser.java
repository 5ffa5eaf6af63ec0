package io.skiff.parser.partiql;

import java.util.Set;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.grammar.PartiQLSyntax;

/**
 * Parses PartiQL statements in DynamoDB's dialect into {@link Statement} trees. Thread-safe.
 *
 * <p>Failures are {@link SkiffException}s positioned at the offending line and column:
 * {@link ErrorCode#SYNTAX_ERROR} for text that does not parse, {@link ErrorCode#VALIDATION_ERROR}
 * for text that parses but breaks a rule of the dialect (an unknown function, a wrong number of
 * arguments, an INSERT value that is not a struct, a RETURNING that the statement does not
 * support, a duplicate struct key, a bad set, overlapping UPDATE paths, a number out of range).
 */
public final class StatementParser {

    private StatementParser() {
    }

    /** The statement the text holds. */
    public static Statement parse(String text) {
        return parse(text, Set.of());
    }

    /**
     * The statement the text holds, where a call of one of {@code functions} (lower-case names,
     * beside DynamoDB's own) is an {@link Expr.NamedCall}.
     */
    public static Statement parse(String text, Set<String> functions) {
        return new AstBuilder(functions).statement(PartiQLSyntax.parse(text));
    }
}
