package io.skiff.parser.expressions;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.grammar.DynamoExpressionsParser;
import io.skiff.grammar.DynamoExpressionsParser.FunctionCallContext;
import io.skiff.grammar.DynamoExpressionsParser.OperandContext;
import io.skiff.grammar.DynamoExpressionsParser.SetValueContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.Token;

/**
 * A condition expression's parse tree to core's {@link Condition}. Function names are
 * case-sensitive, as in DynamoDB; the checks on literal operands are core's, repeated at the
 * position of the construct.
 */
final class ConditionBuilder {

    /** The functions that are conditions themselves. */
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    /** The functions that only update expressions know. */
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

    private final Source source;

    ConditionBuilder(Source source) {
        this.source = source;
    }

    Condition condition(DynamoExpressionsParser.ConditionContext context) {
        List<DynamoExpressionsParser.AndConditionContext> operands = context.andCondition();
        if (operands.size() == 1) {
            return and(operands.get(0));
        }
        List<Condition> conditions = new ArrayList<>();
        operands.forEach(operand -> conditions.add(and(operand)));
        return new Condition.Or(conditions);
    }

    private Condition and(DynamoExpressionsParser.AndConditionContext context) {
        List<DynamoExpressionsParser.NotConditionContext> operands = context.notCondition();
        if (operands.size() == 1) {
            return not(operands.get(0));
        }
        List<Condition> conditions = new ArrayList<>();
        operands.forEach(operand -> conditions.add(not(operand)));
        return new Condition.And(conditions);
    }

    private Condition not(DynamoExpressionsParser.NotConditionContext context) {
        if (context instanceof DynamoExpressionsParser.NegationContext negation) {
            return Condition.not(not(negation.notCondition()));
        }
        return predicate(((DynamoExpressionsParser.PredicateConditionContext) context).predicate());
    }

    /** One predicate: a comparison, BETWEEN, IN, a condition function, or a parenthesized condition. */
    Condition predicate(DynamoExpressionsParser.PredicateContext context) {
        if (context instanceof DynamoExpressionsParser.ParenthesizedContext parenthesized) {
            return condition(parenthesized.condition());
        }
        var predicate = (DynamoExpressionsParser.OperandPredicateContext) context;
        DynamoExpressionsParser.PredicateSuffixContext suffix = predicate.predicateSuffix();
        if (suffix == null) {
            return functionCondition(predicate.operand());
        }
        Operand left = operand(predicate.operand());
        if (suffix instanceof DynamoExpressionsParser.ComparisonContext comparison) {
            ComparisonOperator operator = comparator(comparison.comparator().getStart());
            Operand right = operand(comparison.operand());
            return build(context, () -> Condition.compare(left, operator, right));
        }
        if (suffix instanceof DynamoExpressionsParser.BetweenContext between) {
            Operand low = operand(between.operand(0));
            Operand high = operand(between.operand(1));
            return build(context, () -> Condition.between(left, low, high));
        }
        var in = (DynamoExpressionsParser.InContext) suffix;
        List<Operand> candidates = new ArrayList<>();
        in.operand().forEach(candidate -> candidates.add(operand(candidate)));
        return build(context, () -> Condition.in(left, candidates));
    }

    private Condition functionCondition(OperandContext context) {
        if (!(context instanceof DynamoExpressionsParser.FunctionOperandContext function)) {
            throw source.invalid(context, "A condition is expected here, such as a = :v or attribute_exists(a),"
                    + " but " + context.getText() + " is an operand");
        }
        FunctionCallContext call = function.functionCall();
        String name = call.IDENTIFIER().getText();
        if (name.equals("size")) {
            throw source.invalid(call, "size returns a number and is not a condition; compare it, as in"
                    + " size(a) > :n");
        }
        if (!CONDITION_FUNCTIONS.contains(name)) {
            throw unknownOrMisplaced(call);
        }
        List<SetValueContext> arguments = call.setValue();
        return switch (name) {
            case "attribute_exists" -> {
                requireArity(call, 1);
                yield Condition.attributeExists(pathArgument(call, 0));
            }
            case "attribute_not_exists" -> {
                requireArity(call, 1);
                yield Condition.attributeNotExists(pathArgument(call, 0));
            }
            case "attribute_type" -> {
                requireArity(call, 2);
                Path path = pathArgument(call, 0);
                Operand type = operand(single(arguments.get(1)));
                yield build(call, () -> Condition.attributeType(path, type));
            }
            case "begins_with" -> {
                requireArity(call, 2);
                Path path = pathArgument(call, 0);
                Operand prefix = operand(single(arguments.get(1)));
                yield build(call, () -> Condition.beginsWith(path, prefix));
            }
            default -> {
                requireArity(call, 2);
                Path path = pathArgument(call, 0);
                Operand part = operand(single(arguments.get(1)));
                yield build(call, () -> Condition.contains(path, part));
            }
        };
    }

    /** An operand: a path, a value, or {@code size(path)}. */
    Operand operand(OperandContext context) {
        if (context instanceof DynamoExpressionsParser.PathOperandContext path) {
            return Operand.path(source.path(path.path()));
        }
        if (context instanceof DynamoExpressionsParser.ValueOperandContext value) {
            return Operand.value(source.value(value.VALUE_PLACEHOLDER().getSymbol()));
        }
        FunctionCallContext call = ((DynamoExpressionsParser.FunctionOperandContext) context).functionCall();
        if (!call.IDENTIFIER().getText().equals("size")) {
            throw unknownOrMisplaced(call);
        }
        requireArity(call, 1);
        return Operand.size(pathArgument(call, 0));
    }

    private SkiffException unknownOrMisplaced(FunctionCallContext call) {
        String name = call.IDENTIFIER().getText();
        if (CONDITION_FUNCTIONS.contains(name)) {
            return source.invalid(call, "The function is not allowed to be used this way in an expression;"
                    + " it is a condition, not an operand; function: " + name);
        }
        if (UPDATE_FUNCTIONS.contains(name)) {
            return source.invalid(call, "The function is not allowed in a condition; it belongs to update"
                    + " expressions; function: " + name);
        }
        return source.invalid(call, "Invalid function name; function: " + name
                + " (functions are attribute_exists, attribute_not_exists, attribute_type, begins_with,"
                + " contains and size, in lower case)");
    }

    private void requireArity(FunctionCallContext call, int arity) {
        if (call.setValue().size() != arity) {
            throw source.invalid(call, "Incorrect number of operands for operator or function; operator or function: "
                    + call.IDENTIFIER().getText() + ", number of operands: " + call.setValue().size());
        }
    }

    private Path pathArgument(FunctionCallContext call, int index) {
        OperandContext argument = single(call.setValue(index));
        if (!(argument instanceof DynamoExpressionsParser.PathOperandContext path)) {
            throw source.invalid(argument, "Operator or function requires a document path; operator or function: "
                    + call.IDENTIFIER().getText());
        }
        return source.path(path.path());
    }

    /** The one operand of a function argument: arithmetic belongs to update expressions only. */
    private OperandContext single(SetValueContext argument) {
        if (argument.operand().size() > 1) {
            Token operator = argument.getChild(1) instanceof org.antlr.v4.runtime.tree.TerminalNode node
                    ? node.getSymbol() : argument.getStart();
            throw source.invalid(operator, "+ and - are only allowed in the SET values of an update expression");
        }
        return argument.operand(0);
    }

    private <T> T build(org.antlr.v4.runtime.ParserRuleContext context, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (SkiffException e) {
            throw source.invalid(context, e);
        }
    }

    private static ComparisonOperator comparator(Token token) {
        return switch (token.getType()) {
            case DynamoExpressionsParser.EQ -> ComparisonOperator.EQ;
            case DynamoExpressionsParser.NE -> ComparisonOperator.NE;
            case DynamoExpressionsParser.LT -> ComparisonOperator.LT;
            case DynamoExpressionsParser.LE -> ComparisonOperator.LE;
            case DynamoExpressionsParser.GT -> ComparisonOperator.GT;
            default -> ComparisonOperator.GE;
        };
    }
}
