package io.skiff.parser.expressions;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.core.value.AttributeValue;
import io.skiff.grammar.DynamoExpressionsParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * One expression being converted: which request parameter it came from (for messages such as
 * {@code Invalid UpdateExpression: ...}) and the request's placeholders. Resolves paths and
 * values, and positions every error at the offending token.
 */
final class Source {

    private final String kind;
    private final Placeholders placeholders;

    Source(String kind, Placeholders placeholders) {
        this.kind = kind;
        this.placeholders = placeholders;
    }

    String kind() {
        return kind;
    }

    /** A {@code VALIDATION_ERROR} at the start of {@code context}. */
    SkiffException invalid(ParserRuleContext context, String message) {
        return invalid(context.getStart(), message);
    }

    /** A {@code VALIDATION_ERROR} at {@code token}. */
    SkiffException invalid(Token token, String message) {
        return SkiffException.at(ErrorCode.VALIDATION_ERROR, token.getLine(), token.getCharPositionInLine() + 1,
                "Invalid " + kind + ": " + message);
    }

    /** A core validation failure, repeated at the position of the construct that caused it. */
    SkiffException invalid(ParserRuleContext context, SkiffException cause) {
        return invalid(context, cause.getMessage());
    }

    /** The value a {@code :placeholder} token stands for. */
    AttributeValue value(Token placeholder) {
        AttributeValue value = placeholders.value(placeholder.getText());
        if (value == null) {
            throw invalid(placeholder, "An expression attribute value used in expression is not defined;"
                    + " attribute value: " + placeholder.getText());
        }
        return value;
    }

    /** The document path a path in the expression stands for, placeholders resolved. */
    Path path(DynamoExpressionsParser.PathContext context) {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new PathElement.Name(name(context.pathName())));
        for (DynamoExpressionsParser.PathStepContext step : context.pathStep()) {
            if (step instanceof DynamoExpressionsParser.MemberStepContext member) {
                elements.add(new PathElement.Name(name(member.pathName())));
            } else {
                Token index = ((DynamoExpressionsParser.IndexStepContext) step).INTEGER().getSymbol();
                try {
                    elements.add(new PathElement.Index(Integer.parseInt(index.getText())));
                } catch (NumberFormatException e) {
                    throw invalid(index, "The list index [" + index.getText() + "] is too large");
                }
            }
        }
        try {
            return Path.of(elements);
        } catch (SkiffException e) {
            throw invalid(context, e);
        }
    }

    private String name(DynamoExpressionsParser.PathNameContext context) {
        if (context.IDENTIFIER() != null) {
            return context.IDENTIFIER().getText();
        }
        Token placeholder = context.NAME_PLACEHOLDER().getSymbol();
        String name = placeholders.name(placeholder.getText());
        if (name == null) {
            throw invalid(placeholder, "An expression attribute name used in the document path is not defined;"
                    + " attribute name: " + placeholder.getText());
        }
        if (name.isEmpty()) {
            throw invalid(placeholder, "An expression attribute name may not stand for an empty name;"
                    + " attribute name: " + placeholder.getText());
        }
        return name;
    }
}
