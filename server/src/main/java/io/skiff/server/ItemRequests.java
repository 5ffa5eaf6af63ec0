package io.skiff.server;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import io.skiff.parser.expressions.ExpressionParser;
import io.skiff.protocol.ProtoValues;
import io.skiff.protocol.v1.ExpressionPlaceholders;
import io.skiff.protocol.v1.ReturnValue;
import io.skiff.storage.api.ReturnValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expression strings of one item request, parsed with the request's placeholders: each
 * expression is optional (empty text), and every placeholder must be used by one of them, as
 * DynamoDB requires.
 */
final class ItemRequests {

    private final ExpressionParser parser;

    private ItemRequests(ExpressionParser parser) {
        this.parser = parser;
    }

    static ItemRequests of(ExpressionPlaceholders placeholders) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        placeholders.getValuesMap().forEach((name, value) -> values.put(name, ProtoValues.fromProto(value)));
        return new ItemRequests(new ExpressionParser(placeholders.getNamesMap(), values));
    }

    Optional<Condition> condition(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(parser.condition(text));
    }

    Optional<Condition> filter(String text) {
        return text.isBlank() ? Optional.empty() : Optional.of(parser.filter(text));
    }

    List<Path> projection(String text) {
        return text.isBlank() ? List.of() : parser.projection(text).paths();
    }

    ExpressionParser parser() {
        return parser;
    }

    /** Call after parsing every expression of the request. */
    void requireAllPlaceholdersUsed() {
        parser.requireAllPlaceholdersUsed();
    }

    static ReturnValues returnValues(ReturnValue wire) {
        if (wire == ReturnValue.UNRECOGNIZED) {
            throw SkiffException.validation("Unknown ReturnValues; use NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or"
                    + " UPDATED_NEW");
        }
        return ReturnValues.valueOf(wire.name());
    }

    /** The limit a request asks for: empty when none; below 1 is refused. */
    static int limit(boolean given, int limit) {
        if (!given) {
            return 0;
        }
        if (limit < 1) {
            throw SkiffException.validation("Limit " + limit + " is invalid; it must be at least 1");
        }
        return limit;
    }
}
