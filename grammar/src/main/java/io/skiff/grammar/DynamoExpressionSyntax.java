package io.skiff.grammar;

import static io.skiff.grammar.DynamoExpressionsLexer.*;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Objects;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Parses DynamoDB expression strings (see {@code DynamoExpressions.g4}) into ANTLR's parse
 * trees: condition, filter and key condition expressions, projection expressions and update
 * expressions. Thread-safe; every call uses its own lexer and parser.
 *
 * <p>Text that does not parse fails with {@link SkiffException} of code
 * {@link ErrorCode#SYNTAX_ERROR} at the 1-based line and column of the offending token; the
 * message starts with the kind of expression, as DynamoDB's do, for example
 * {@code Invalid UpdateExpression: Unexpected ':v', expected '=' at line 1, column 7}.
 */
public final class DynamoExpressionSyntax {

    private static final SyntaxWording WORDING = SyntaxWording.builder(DynamoExpressionsParser.VOCABULARY)
            .end("end of expression")
            .kind(IDENTIFIER, "name", "name '{text}'")
            .kind(NAME_PLACEHOLDER, "name placeholder", "name placeholder {text}")
            .kind(VALUE_PLACEHOLDER, "value placeholder", "value placeholder {text}")
            .kind(INTEGER, "number", "number {text}")
            .tokenHint(INTEGER, "values are written as placeholders such as :v, defined in ExpressionAttributeValues")
            .names("an attribute name", IDENTIFIER, NAME_PLACEHOLDER)
            .operands("an operand", VALUE_PLACEHOLDER, VALUE_PLACEHOLDER, IDENTIFIER, NAME_PLACEHOLDER, NOT, LPAREN)
            .operators(EQ, NE, LT, LE, GT, GE, PLUS, MINUS, AND, OR, BETWEEN, IN, DOT)
            .lexicalError(ERROR_CHARACTER, "Unexpected character '{text}'")
            .reservedWordHint("{word} is a reserved word; use an expression attribute name such as #name for it")
            .build();

    private DynamoExpressionSyntax() {
    }

    /**
     * A condition: a {@code ConditionExpression}, {@code FilterExpression} or
     * {@code KeyConditionExpression} (whose narrower shape the caller checks).
     *
     * @param kind the request parameter the text came from, used in error messages
     */
    public static DynamoExpressionsParser.ConditionExpressionContext parseCondition(String text, String kind) {
        return parse(text, kind, DynamoExpressionsParser::conditionExpression);
    }

    /** A {@code ProjectionExpression}: document paths separated by commas. */
    public static DynamoExpressionsParser.ProjectionExpressionContext parseProjection(String text) {
        return parse(text, "ProjectionExpression", DynamoExpressionsParser::projectionExpression);
    }

    /** An {@code UpdateExpression}: SET, REMOVE, ADD and DELETE sections. */
    public static DynamoExpressionsParser.UpdateExpressionContext parseUpdate(String text) {
        return parse(text, "UpdateExpression", DynamoExpressionsParser::updateExpression);
    }

    private static <T extends ParserRuleContext> T parse(String text, String kind,
                                                        Function<DynamoExpressionsParser, T> entry) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (text.isBlank()) {
            throw SkiffException.validation("Invalid " + kind + ": The expression can not be empty;");
        }
        return TwoStageParser.parse(new DynamoExpressionsLexer(CharStreams.fromString(text)),
                DynamoExpressionsParser::new, entry, WORDING, "Invalid " + kind + ": ");
    }
}
