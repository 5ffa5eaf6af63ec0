package io.skiff.parser.expressions;

import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.grammar.DynamoExpressionsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * A key condition expression's parse tree to a {@link KeyCondition}, enforcing DynamoDB's shape:
 * {@code pk = :v}, optionally {@code AND} one sort key condition ({@code = < <= > >=},
 * {@code BETWEEN}, {@code begins_with}); no OR, NOT, IN or other functions; every value of the
 * key attribute's type.
 */
final class KeyConditionBuilder {

    private final Source source;
    private final ConditionBuilder conditions;
    private final KeyAttribute partitionKey;
    private final Optional<KeyAttribute> sortKey;

    KeyConditionBuilder(Source source, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {
        this.source = source;
        this.conditions = new ConditionBuilder(source);
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    KeyCondition keyCondition(DynamoExpressionsParser.ConditionContext context) {
        List<DynamoExpressionsParser.PredicateContext> predicates = new ArrayList<>();
        collect(context, predicates);
        AttributeValue partitionValue = null;
        SortKeyCondition sort = null;
        for (DynamoExpressionsParser.PredicateContext predicate : predicates) {
            Condition condition = conditions.predicate(predicate);
            String attribute = keyAttribute(predicate, condition);
            if (attribute.equals(partitionKey.name())) {
                if (partitionValue != null) {
                    throw source.invalid(predicate, "KeyConditionExpressions must only contain one condition per key");
                }
                partitionValue = partitionValue(predicate, condition);
            } else {
                if (sort != null) {
                    throw source.invalid(predicate, "KeyConditionExpressions must only contain one condition per key");
                }
                sort = sortCondition(predicate, condition, attribute);
            }
        }
        if (partitionValue == null) {
            throw source.invalid(context, "Query condition missed key schema element: " + partitionKey.name());
        }
        return new KeyCondition(partitionKey.name(), partitionValue, Optional.ofNullable(sort));
    }

    /** The predicates joined by AND, through parentheses; OR and NOT are refused. */
    private void collect(DynamoExpressionsParser.ConditionContext context,
                         List<DynamoExpressionsParser.PredicateContext> predicates) {
        if (context.OR().size() > 0) {
            throw source.invalid(context.OR(0).getSymbol(), "Invalid operator used in KeyConditionExpression: OR");
        }
        for (DynamoExpressionsParser.NotConditionContext operand : context.andCondition(0).notCondition()) {
            if (operand instanceof DynamoExpressionsParser.NegationContext negation) {
                throw source.invalid(negation, "Invalid operator used in KeyConditionExpression: NOT");
            }
            var predicate = ((DynamoExpressionsParser.PredicateConditionContext) operand).predicate();
            if (predicate instanceof DynamoExpressionsParser.ParenthesizedContext parenthesized) {
                collect(parenthesized.condition(), predicates);
            } else {
                predicates.add(predicate);
            }
        }
        if (predicates.size() > 2) {
            throw source.invalid(predicates.get(2), "KeyConditionExpressions must only contain one condition per key");
        }
    }

    /** The key attribute a predicate is about, which must be a top-level key attribute. */
    private String keyAttribute(ParserRuleContext site, Condition condition) {
        Path path = subject(site, condition);
        String name = path.topName();
        boolean isKey = name.equals(partitionKey.name())
                || sortKey.map(key -> key.name().equals(name)).orElse(false);
        if (!path.isTopLevel() || !isKey) {
            throw source.invalid(site, "Query key condition not supported: " + path + " is not a key attribute;"
                    + " the key is " + partitionKey.name() + sortKey.map(key -> ", " + key.name()).orElse(""));
        }
        return name;
    }

    private Path subject(ParserRuleContext site, Condition condition) {
        if (condition instanceof Condition.Comparison comparison) {
            if (comparison.left() instanceof Operand.Ref ref && comparison.right() instanceof Operand.Literal) {
                return ref.path();
            }
            throw source.invalid(site, "A key condition compares a key attribute with a value, as in pk = :v");
        }
        if (condition instanceof Condition.Between between) {
            if (between.operand() instanceof Operand.Ref ref) {
                return ref.path();
            }
            throw source.invalid(site, "A key condition compares a key attribute with values, as in"
                    + " sk BETWEEN :lo AND :hi");
        }
        if (condition instanceof Condition.BeginsWith beginsWith && beginsWith.prefix() instanceof Operand.Literal) {
            return beginsWith.path();
        }
        throw source.invalid(site, "Invalid operator used in KeyConditionExpression: " + operatorName(condition));
    }

    private AttributeValue partitionValue(ParserRuleContext site, Condition condition) {
        if (!(condition instanceof Condition.Comparison comparison) || comparison.operator() != ComparisonOperator.EQ) {
            throw source.invalid(site, "Query key condition not supported: the partition key "
                    + partitionKey.name() + " must be compared with =");
        }
        return typed(site, partitionKey, ((Operand.Literal) comparison.right()).value());
    }

    private SortKeyCondition sortCondition(ParserRuleContext site, Condition condition, String attribute) {
        KeyAttribute key = sortKey.orElseThrow();
        if (condition instanceof Condition.Between between) {
            return new SortKeyCondition(attribute, SortKeyCondition.Operator.BETWEEN,
                    typed(site, key, literal(site, between.low())), Optional.of(typed(site, key, literal(site, between.high()))));
        }
        if (condition instanceof Condition.BeginsWith beginsWith) {
            if (key.type() == AttributeType.N) {
                throw source.invalid(site, "Incorrect operand type for operator or function; operator or function:"
                        + " begins_with, operand type: N");
            }
            AttributeValue prefix = typed(site, key, ((Operand.Literal) beginsWith.prefix()).value());
            return new SortKeyCondition(attribute, SortKeyCondition.Operator.BEGINS_WITH, prefix, Optional.empty());
        }
        Condition.Comparison comparison = (Condition.Comparison) condition;
        if (comparison.operator() == ComparisonOperator.NE) {
            throw source.invalid(site, "Unsupported operator on KeyConditionExpression: operator: <>");
        }
        return new SortKeyCondition(attribute, SortKeyCondition.Operator.valueOf(comparison.operator().name()),
                typed(site, key, ((Operand.Literal) comparison.right()).value()), Optional.empty());
    }

    private AttributeValue literal(ParserRuleContext site, Operand operand) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        throw source.invalid(site, "A key condition compares a key attribute with values, as in"
                + " sk BETWEEN :lo AND :hi");
    }

    private AttributeValue typed(ParserRuleContext site, KeyAttribute key, AttributeValue value) {
        if (value.type() != key.type()) {
            throw source.invalid(site, "One or more parameter values were invalid: Condition parameter type does not"
                    + " match schema type; " + key.name() + " is " + key.type() + " but the value is " + value.type());
        }
        return value;
    }

    /** How DynamoDB names a condition's operator in its messages. */
    private static String operatorName(Condition condition) {
        if (condition instanceof Condition.In) {
            return "IN";
        }
        if (condition instanceof Condition.AttributeExists) {
            return "attribute_exists";
        }
        if (condition instanceof Condition.AttributeNotExists) {
            return "attribute_not_exists";
        }
        if (condition instanceof Condition.AttributeTypeIs) {
            return "attribute_type";
        }
        if (condition instanceof Condition.Contains) {
            return "contains";
        }
        return "begins_with";
    }
}
