package io.skiff.parser.expressions;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.AttributeValue;
import io.skiff.grammar.DynamoExpressionsParser;
import io.skiff.grammar.DynamoExpressionsParser.FunctionCallContext;
import io.skiff.grammar.DynamoExpressionsParser.OperandContext;
import io.skiff.grammar.DynamoExpressionsParser.SetValueContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * An update expression's parse tree to core's {@link Update}. As in DynamoDB each of SET,
 * REMOVE, ADD and DELETE may appear once, and no two actions may touch overlapping paths (core's
 * rule, reported here at the second path).
 */
final class UpdateBuilder {

    private final Source source;

    UpdateBuilder(Source source) {
        this.source = source;
    }

    Update update(DynamoExpressionsParser.UpdateExpressionContext context) {
        List<UpdateAction> actions = new ArrayList<>();
        List<ParserRuleContext> sites = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (DynamoExpressionsParser.UpdateSectionContext section : context.updateSection()) {
            String keyword = section.getStart().getText().toUpperCase(Locale.ROOT);
            if (!sections.add(keyword)) {
                throw source.invalid(section, "The \"" + keyword + "\" section can only be used once in an update"
                        + " expression");
            }
            if (section instanceof DynamoExpressionsParser.SetSectionContext set) {
                for (DynamoExpressionsParser.SetActionContext action : set.setAction()) {
                    Path path = source.path(action.path());
                    actions.add(UpdateAction.set(path, value(action.setValue())));
                    sites.add(action);
                }
            } else if (section instanceof DynamoExpressionsParser.RemoveSectionContext remove) {
                for (DynamoExpressionsParser.PathContext path : remove.path()) {
                    actions.add(UpdateAction.remove(source.path(path)));
                    sites.add(path);
                }
            } else {
                boolean add = section instanceof DynamoExpressionsParser.AddSectionContext;
                List<DynamoExpressionsParser.PathAndValueContext> pairs = add
                        ? ((DynamoExpressionsParser.AddSectionContext) section).pathAndValue()
                        : ((DynamoExpressionsParser.DeleteSectionContext) section).pathAndValue();
                for (DynamoExpressionsParser.PathAndValueContext pair : pairs) {
                    Path path = source.path(pair.path());
                    AttributeValue value = source.value(pair.VALUE_PLACEHOLDER().getSymbol());
                    try {
                        actions.add(add ? UpdateAction.add(path, value) : UpdateAction.delete(path, value));
                    } catch (SkiffException e) {
                        throw source.invalid(pair, e);
                    }
                    sites.add(pair);
                }
            }
        }
        return checked(actions, sites);
    }

    /** The update, once its paths are known not to overlap; the error points at the first offending action. */
    private Update checked(List<UpdateAction> actions, List<ParserRuleContext> sites) {
        for (int i = 1; i < actions.size(); i++) {
            try {
                new Update(actions.subList(0, i + 1));
            } catch (SkiffException e) {
                throw source.invalid(sites.get(i), e);
            }
        }
        return new Update(actions);
    }

    /** A SET value: operands joined by + and -, left to right. */
    private UpdateValue value(SetValueContext context) {
        List<OperandContext> operands = context.operand();
        UpdateValue value = operand(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            boolean plus = ((TerminalNode) context.getChild(2 * i - 1)).getSymbol().getType()
                    == DynamoExpressionsParser.PLUS;
            UpdateValue right = operand(operands.get(i));
            value = plus ? UpdateValue.plus(value, right) : UpdateValue.minus(value, right);
        }
        return value;
    }

    private UpdateValue operand(OperandContext context) {
        if (context instanceof DynamoExpressionsParser.PathOperandContext path) {
            return UpdateValue.path(source.path(path.path()));
        }
        if (context instanceof DynamoExpressionsParser.ValueOperandContext value) {
            return UpdateValue.value(source.value(value.VALUE_PLACEHOLDER().getSymbol()));
        }
        FunctionCallContext call = ((DynamoExpressionsParser.FunctionOperandContext) context).functionCall();
        String name = call.IDENTIFIER().getText();
        List<SetValueContext> arguments = call.setValue();
        switch (name) {
            case "if_not_exists" -> {
                requireArity(call, 2);
                List<OperandContext> first = arguments.get(0).operand();
                if (first.size() != 1 || !(first.get(0) instanceof DynamoExpressionsParser.PathOperandContext path)) {
                    throw source.invalid(arguments.get(0), "Operator or function requires a document path;"
                            + " operator or function: if_not_exists");
                }
                return UpdateValue.ifNotExists(source.path(path.path()), value(arguments.get(1)));
            }
            case "list_append" -> {
                requireArity(call, 2);
                return UpdateValue.listAppend(value(arguments.get(0)), value(arguments.get(1)));
            }
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size" ->
                    throw source.invalid(call, "The function is not allowed in an update expression; function: "
                            + name);
            default -> throw source.invalid(call, "Invalid function name; function: " + name
                    + " (update expressions have if_not_exists and list_append, in lower case)");
        }
    }

    private void requireArity(FunctionCallContext call, int arity) {
        if (call.setValue().size() != arity) {
            throw source.invalid(call, "Incorrect number of operands for operator or function; operator or function: "
                    + call.IDENTIFIER().getText() + ", number of operands: " + call.setValue().size());
        }
    }
}
