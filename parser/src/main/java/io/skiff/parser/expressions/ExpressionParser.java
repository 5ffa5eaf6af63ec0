package io.skiff.parser.expressions;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Projection;
import io.skiff.core.expr.Update;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.grammar.DynamoExpressionSyntax;
import io.skiff.grammar.DynamoExpressionsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expression strings of one DynamoDB-style request ({@code ConditionExpression},
 * {@code FilterExpression}, {@code KeyConditionExpression}, {@code ProjectionExpression},
 * {@code UpdateExpression}) to core's trees, with the request's
 * {@code ExpressionAttributeNames} ({@code #n -> name}) and {@code ExpressionAttributeValues}
 * ({@code :v -> value}) substituted.
 *
 * <p>Use one instance per request: convert each of its expressions, then call
 * {@link #requireAllPlaceholdersUsed()}, since DynamoDB rejects a placeholder that no expression
 * of the request uses. Not thread-safe.
 *
 * <p>Errors are {@link SkiffException}s whose message starts with the expression's kind, as
 * DynamoDB's do ({@code Invalid UpdateExpression: ...}): {@link ErrorCode#SYNTAX_ERROR} for text
 * that does not parse, {@link ErrorCode#VALIDATION_ERROR} for an undefined placeholder, an
 * unknown or misplaced function, a wrong number of arguments, overlapping paths, a repeated
 * update section, a key condition of the wrong shape, or a literal that core rejects. Both carry
 * the line and column in the expression. Reserved words are not checked: DynamoDB refuses
 * {@code SET size = :v} because {@code size} is reserved, Skiff accepts it; only the grammar's
 * own keywords ({@code AND}, {@code SET}, ...) need a {@code #name}.
 */
public final class ExpressionParser {

    private final Placeholders placeholders;

    /**
     * @param names the request's {@code ExpressionAttributeNames}, e.g. {@code #n -> "name"}; may be empty
     * @param values the request's {@code ExpressionAttributeValues}, e.g. {@code :v -> N 1}; may be empty
     */
    public ExpressionParser(Map<String, String> names, Map<String, AttributeValue> values) {
        this.placeholders = new Placeholders(names, values);
    }

    /** A {@code ConditionExpression}: the condition a write needs. */
    public Condition condition(String text) {
        return condition(text, "ConditionExpression");
    }

    /** A {@code FilterExpression}: the condition a query's or scan's items must meet. */
    public Condition filter(String text) {
        return condition(text, "FilterExpression");
    }

    private Condition condition(String text, String kind) {
        DynamoExpressionsParser.ConditionExpressionContext tree = DynamoExpressionSyntax.parseCondition(text, kind);
        return new ConditionBuilder(new Source(kind, placeholders)).condition(tree.condition());
    }

    /** A {@code KeyConditionExpression} on a table (or index) with the given key. */
    public KeyCondition keyCondition(String text, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        String kind = "KeyConditionExpression";
        DynamoExpressionsParser.ConditionExpressionContext tree = DynamoExpressionSyntax.parseCondition(text, kind);
        return new KeyConditionBuilder(new Source(kind, placeholders), partitionKey, sortKey)
                .keyCondition(tree.condition());
    }

    /** A {@code KeyConditionExpression} on the table's own key. */
    public KeyCondition keyCondition(String text, TableSchema table) {
        return keyCondition(text, table.partitionKey(), table.sortKey());
    }

    /** An {@code UpdateExpression}. */
    public Update update(String text) {
        return new UpdateBuilder(new Source("UpdateExpression", placeholders))
                .update(DynamoExpressionSyntax.parseUpdate(text));
    }

    /** A {@code ProjectionExpression}; overlapping paths are refused at the second one. */
    public Projection projection(String text) {
        Source source = new Source("ProjectionExpression", placeholders);
        List<Path> paths = new ArrayList<>();
        for (DynamoExpressionsParser.PathContext path : DynamoExpressionSyntax.parseProjection(text).path()) {
            paths.add(source.path(path));
            try {
                Projection.of(paths);
            } catch (SkiffException e) {
                throw source.invalid(path, e);
            }
        }
        return Projection.of(paths);
    }

    /**
     * Fails with {@link ErrorCode#VALIDATION_ERROR} when a name or value placeholder of the
     * request was used by none of the expressions converted so far.
     */
    public void requireAllPlaceholdersUsed() {
        placeholders.requireAllUsed();
    }
}
