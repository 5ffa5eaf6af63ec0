package io.skiff.parser.partiql;

import static io.skiff.parser.partiql.TokenText.at;

import io.skiff.core.error.Messages;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.NumberValue;
import io.skiff.grammar.PartiQLParser;
import io.skiff.grammar.PartiQLParser.AdditiveContext;
import io.skiff.grammar.PartiQLParser.ExpressionContext;
import io.skiff.grammar.PartiQLParser.PrimaryContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns one statement's parse tree into the AST, making the checks that need no catalog as it
 * goes. Used once per statement: it numbers the parameters in the order it meets them, which is
 * text order because it builds every node's parts left to right.
 */
final class AstBuilder {

    private final Expressions expressions = new Expressions();
    /** Functions declared by the parser's caller, by lower-case name. */
    private final java.util.Set<String> namedFunctions;
    private int parameters;
    /** Whether the expression being built is (inside) the value of an UPDATE's SET. */
    private boolean inSetValue;

    AstBuilder(java.util.Set<String> namedFunctions) {
        this.namedFunctions = java.util.Set.copyOf(namedFunctions);
    }

    Statement statement(PartiQLParser.StatementContext context) {
        if (context.select() != null) {
            return select(context.select());
        }
        if (context.insert() != null) {
            return insert(context.insert());
        }
        if (context.update() != null) {
            return update(context.update());
        }
        if (context.delete() != null) {
            return delete(context.delete());
        }
        PartiQLParser.ConditionCheckContext check = context.conditionCheck();
        return new Statement.ExistsCheck(existsQuery(check.select()), check.NOT() != null, at(check));
    }

    // ------------------------------------------------------------------ statements

    private Statement.Select select(PartiQLParser.SelectContext context) {
        List<Expr.PathRef> projection = new ArrayList<>();
        if (context.projection() instanceof PartiQLParser.SelectListContext list) {
            for (ExpressionContext item : list.expression()) {
                Expr expr = expression(item);
                if (!(expr instanceof Expr.PathRef path)) {
                    throw expr.position().invalid("Unsupported SELECT list item: " + Describe.expr(expr)
                            + "; a SELECT list holds attribute names and document paths only");
                }
                projection.add(path);
            }
        }
        TableRef table = table(context.tableName());
        Optional<Expr> where = Optional.ofNullable(context.whereClause()).map(this::where);
        List<OrderItem> orderBy = new ArrayList<>();
        Optional<Expr.NamedCall> distance = Optional.empty();
        Position distancePosition = null;
        if (context.orderByClause() != null) {
            List<PartiQLParser.OrderItemContext> items = context.orderByClause().orderItem();
            for (PartiQLParser.OrderItemContext item : items) {
                Expr ordered = primary(item.primary());
                if (ordered instanceof Expr.PathRef path) {
                    if (distance.isPresent()) {
                        throw at(item).invalid(NearestOrders.ALONE);
                    }
                    orderBy.add(new OrderItem(path, item.DESC() != null, at(item)));
                    continue;
                }
                if (!(ordered instanceof Expr.NamedCall call)) {
                    throw ordered.position().invalid("ORDER BY accepts key attributes, or one distance function"
                            + " with LIMIT as in " + NearestOrders.SHAPE + "; found " + Describe.expr(ordered));
                }
                if (items.size() > 1) {
                    // At the item that should not be there: the other one when the distance comes first.
                    throw at(item == items.get(0) ? items.get(1) : item).invalid(NearestOrders.ALONE);
                }
                if (item.DESC() != null) {
                    throw at(item.DESC().getSymbol()).invalid("ORDER BY " + call.name() + "(...) ranks the closest"
                            + " items first and accepts ASC only; DESC (the farthest first) is not supported");
                }
                distance = Optional.of(call);
                distancePosition = at(item);
            }
        }
        Optional<NearestOrder> nearest = Optional.empty();
        if (distance.isPresent()) {
            if (context.limitClause() == null) {
                throw distancePosition.invalid("ORDER BY " + distance.get().name() + "(...) needs LIMIT k, the number"
                        + " of nearest items to return, as in " + NearestOrders.SHAPE);
            }
            nearest = Optional.of(NearestOrders.of(distance.get(), primary(context.limitClause().primary()),
                    distancePosition));
        } else if (context.limitClause() != null) {
            throw at(context.limitClause()).invalid("LIMIT is supported only after ORDER BY a distance function, as"
                    + " in " + NearestOrders.SHAPE + "; the request's Limit parameter limits the items evaluated");
        }
        return new Statement.Select(projection, table, where, orderBy, nearest, Hints.between(context.SELECT(), context.projection().getStart()),
                at(context));
    }

    /** The SELECT of an EXISTS check, which answers whether an item is there, not which are nearest. */
    private Statement.Select existsQuery(PartiQLParser.SelectContext context) {
        Statement.Select query = select(context);
        if (query.nearest().isPresent()) {
            throw query.nearest().get().position().invalid("ORDER BY ... LIMIT is not supported inside EXISTS");
        }
        return query;
    }

    private Statement.Insert insert(PartiQLParser.InsertContext context) {
        TableRef table = table(context.tableName());
        Expr item = expression(context.expression());
        if (!(item instanceof Expr.Struct)
                && !(item instanceof Expr.Literal literal && literal.value().type() == AttributeType.M)) {
            throw item.position().invalid("INSERT takes one item, written as a struct such as"
                    + " VALUE {'pk': 'a', 'n': 1}; found " + Describe.expr(item));
        }
        expressions.requireInsertable(item);
        if (context.returningClause() != null) {
            throw at(context.returningClause()).invalid("INSERT does not support RETURNING;"
                    + " only UPDATE and DELETE return values");
        }
        return new Statement.Insert(table, item, at(context));
    }

    private Statement.Update update(PartiQLParser.UpdateContext context) {
        TableRef table = table(context.tableName());
        List<Statement.Update.Action> actions = new ArrayList<>();
        for (PartiQLParser.UpdateClauseContext clause : context.updateClause()) {
            if (clause instanceof PartiQLParser.SetClauseContext set) {
                for (PartiQLParser.AssignmentContext assignment : set.assignment()) {
                    Expr.PathRef target = path(assignment.path());
                    actions.add(new Statement.Update.Set(target, setValue(assignment.expression()), at(assignment)));
                }
            } else {
                for (PartiQLParser.PathContext path : ((PartiQLParser.RemoveClauseContext) clause).path()) {
                    actions.add(new Statement.Update.Remove(path(path), at(path)));
                }
            }
        }
        PathOverlap.check(actions.stream().map(Statement.Update.Action::target).toList());
        Expr where = where(context.whereClause());
        return new Statement.Update(table, actions, where, returning(context.returningClause()), at(context));
    }

    private Expr setValue(ExpressionContext context) {
        inSetValue = true;
        try {
            Expr value = expressions.requireValue(expression(context));
            if (value instanceof Expr.Missing) {
                throw value.position().invalid("MISSING is not a value that can be stored;"
                        + " use REMOVE to delete an attribute");
            }
            return value;
        } finally {
            inSetValue = false;
        }
    }

    private Statement.Delete delete(PartiQLParser.DeleteContext context) {
        TableRef table = table(context.tableName());
        Expr where = where(context.whereClause());
        ReturnValues returning = returning(context.returningClause());
        if (returning != ReturnValues.NONE && returning != ReturnValues.ALL_OLD) {
            throw at(context.returningClause()).invalid("DELETE supports only RETURNING ALL OLD *, not "
                    + returning.clause());
        }
        return new Statement.Delete(table, where, returning, at(context));
    }

    private Expr where(PartiQLParser.WhereClauseContext context) {
        return expressions.requireCondition(expression(context.expression()), "WHERE");
    }

    private static ReturnValues returning(PartiQLParser.ReturningClauseContext context) {
        if (context == null) {
            return ReturnValues.NONE;
        }
        boolean all = context.ALL() != null;
        boolean old = context.OLD() != null;
        return all ? (old ? ReturnValues.ALL_OLD : ReturnValues.ALL_NEW)
                : (old ? ReturnValues.MODIFIED_OLD : ReturnValues.MODIFIED_NEW);
    }

    private static TableRef table(PartiQLParser.TableNameContext context) {
        List<PartiQLParser.NameContext> names = context.name();
        Optional<String> index = names.size() > 1 ? Optional.of(TokenText.name(names.get(1))) : Optional.empty();
        return new TableRef(TokenText.name(names.get(0)), index, at(context));
    }

    // ------------------------------------------------------------------ expressions

    private Expr expression(ExpressionContext context) {
        List<PartiQLParser.AndExpressionContext> operands = context.andExpression();
        if (operands.size() == 1) {
            return and(operands.get(0));
        }
        List<Expr> conditions = new ArrayList<>(operands.size());
        for (PartiQLParser.AndExpressionContext operand : operands) {
            conditions.add(expressions.requireCondition(and(operand), "OR"));
        }
        return new Expr.Or(conditions, at(context));
    }

    private Expr and(PartiQLParser.AndExpressionContext context) {
        List<PartiQLParser.NotExpressionContext> operands = context.notExpression();
        if (operands.size() == 1) {
            return not(operands.get(0));
        }
        List<Expr> conditions = new ArrayList<>(operands.size());
        for (PartiQLParser.NotExpressionContext operand : operands) {
            conditions.add(expressions.requireCondition(not(operand), "AND"));
        }
        return new Expr.And(conditions, at(context));
    }

    private Expr not(PartiQLParser.NotExpressionContext context) {
        if (context instanceof PartiQLParser.NegationContext negation) {
            return new Expr.Not(expressions.requireCondition(not(negation.notExpression()), "NOT"), at(context));
        }
        return predicate(((PartiQLParser.PredicateExpressionContext) context).predicate());
    }

    private Expr predicate(PartiQLParser.PredicateContext context) {
        Expr operand = additive(context.additive());
        PartiQLParser.PredicateSuffixContext suffix = context.predicateSuffix();
        if (suffix == null) {
            return operand;
        }
        Position position = at(context);
        expressions.requireValue(operand);
        if (suffix instanceof PartiQLParser.ComparisonContext comparison) {
            ComparisonOperator operator = comparisonOperator(comparison.comparisonOperator().getStart());
            Expr right = expressions.requireValue(additive(comparison.additive()));
            return new Expr.Comparison(operand, operator, right, position);
        }
        if (suffix instanceof PartiQLParser.BetweenContext between) {
            Expr low = expressions.requireValue(additive(between.additive(0)));
            Expr high = expressions.requireValue(additive(between.additive(1)));
            Expr predicate = new Expr.Between(operand, low, high, position);
            return between.NOT() != null ? new Expr.Not(predicate, position) : predicate;
        }
        if (suffix instanceof PartiQLParser.InContext in) {
            Expr predicate = new Expr.In(operand, inList(in.valueList()), position);
            return in.NOT() != null ? new Expr.Not(predicate, position) : predicate;
        }
        PartiQLParser.IsContext is = (PartiQLParser.IsContext) suffix;
        Expr.Is.Kind kind = is.MISSING() != null ? Expr.Is.Kind.MISSING : Expr.Is.Kind.NULL;
        return new Expr.Is(operand, kind, is.NOT() != null, position);
    }

    private List<Expr> inList(PartiQLParser.ValueListContext context) {
        List<Expr> candidates = expressionList(context.expressionList());
        if (candidates.isEmpty()) {
            throw at(context).invalid("IN needs at least one value to compare with");
        }
        if (candidates.size() > Condition.MAX_IN_VALUES) {
            throw at(context).invalid("IN accepts at most " + Condition.MAX_IN_VALUES + " values; this list has "
                    + candidates.size());
        }
        candidates.forEach(expressions::requireValue);
        return candidates;
    }

    private static ComparisonOperator comparisonOperator(Token token) {
        return switch (token.getType()) {
            case PartiQLParser.EQ -> ComparisonOperator.EQ;
            case PartiQLParser.NE -> ComparisonOperator.NE;
            case PartiQLParser.LT -> ComparisonOperator.LT;
            case PartiQLParser.LE -> ComparisonOperator.LE;
            case PartiQLParser.GT -> ComparisonOperator.GT;
            default -> ComparisonOperator.GE;
        };
    }

    private Expr additive(AdditiveContext context) {
        List<PrimaryContext> operands = context.primary();
        Expr result = primary(operands.get(0));
        if (operands.size() == 1) {
            return result;
        }
        expressions.requireValue(result);
        // The operators sit between the operands: children are operand, operator, operand, ...
        for (int i = 1; i < operands.size(); i++) {
            Token operator = ((TerminalNode) context.getChild(2 * i - 1)).getSymbol();
            Expr right = expressions.requireValue(primary(operands.get(i)));
            ArithmeticOperator arithmetic = operator.getType() == PartiQLParser.PLUS
                    ? ArithmeticOperator.PLUS : ArithmeticOperator.MINUS;
            result = new Expr.Arithmetic(result, arithmetic, right, at(context));
        }
        return result;
    }

    private Expr primary(PrimaryContext context) {
        Position position = at(context);
        if (context instanceof PartiQLParser.LiteralPrimaryContext literal) {
            return literal(literal.literal());
        }
        if (context instanceof PartiQLParser.ParameterContext) {
            return new Expr.Parameter(parameters++, position);
        }
        if (context instanceof PartiQLParser.PathPrimaryContext path) {
            return path(path.path());
        }
        if (context instanceof PartiQLParser.ParenthesizedContext parenthesized) {
            return expression(parenthesized.expression());
        }
        if (context instanceof PartiQLParser.FunctionCallContext call) {
            return call(call);
        }
        if (context instanceof PartiQLParser.ExistsContext exists) {
            return new Expr.Exists(existsQuery(exists.select()), position);
        }
        if (context instanceof PartiQLParser.StructContext struct) {
            List<Expr.Field> fields = new ArrayList<>();
            for (PartiQLParser.StructFieldContext field : struct.structField()) {
                Expr key = expression(field.expression(0));
                fields.add(new Expr.Field(expressions.fieldName(key), expression(field.expression(1)), at(field)));
            }
            return Constructors.struct(fields, position);
        }
        if (context instanceof PartiQLParser.ListContext list) {
            return Constructors.list(expressionList(list.expressionList()), position);
        }
        return Constructors.set(expressionList(((PartiQLParser.SetContext) context).expressionList()), position);
    }

    private Expr call(PartiQLParser.FunctionCallContext context) {
        String name = context.IDENTIFIER().getText();
        String lowerName = name.toLowerCase(java.util.Locale.ROOT);
        if (PartiQLFunction.byName(name).isEmpty() && namedFunctions.contains(lowerName)) {
            return new Expr.NamedCall(lowerName, expressionList(context.expressionList()), at(context));
        }
        PartiQLFunction function = PartiQLFunction.byName(name).orElseThrow(() -> at(context).invalid(
                "Unknown function '" + name + "'; PartiQL for DynamoDB has begins_with, contains, attribute_type,"
                        + " size, list_append, set_add and set_delete"
                        + (namedFunctions.isEmpty() ? "" : ", and Skiff adds " + String.join(", ",
                                new java.util.TreeSet<>(namedFunctions)))));
        if (function.use() == PartiQLFunction.Use.UPDATE_VALUE && !inSetValue) {
            throw at(context).invalid(function.sqlName() + " can only be used in the value of an UPDATE's SET");
        }
        List<Expr> arguments = expressionList(context.expressionList());
        return FunctionCalls.check(new Expr.Call(function, arguments, at(context)), expressions);
    }

    private List<Expr> expressionList(PartiQLParser.ExpressionListContext context) {
        List<Expr> list = new ArrayList<>();
        if (context != null) {
            for (ExpressionContext expression : context.expression()) {
                list.add(expression(expression));
            }
        }
        return list;
    }

    private static Expr literal(PartiQLParser.LiteralContext context) {
        Position position = at(context);
        if (context instanceof PartiQLParser.StringLiteralContext string) {
            return new Expr.Literal(AttributeValue.s(TokenText.string(string.STRING().getSymbol())), position);
        }
        if (context instanceof PartiQLParser.NumberLiteralContext number) {
            return new Expr.Literal(number(number.MINUS() != null ? "-" + number.NUMBER().getText()
                    : number.NUMBER().getText(), position), position);
        }
        if (context instanceof PartiQLParser.BooleanLiteralContext bool) {
            return new Expr.Literal(BoolValue.of(bool.TRUE() != null), position);
        }
        if (context instanceof PartiQLParser.NullLiteralContext) {
            return new Expr.Literal(AttributeValue.nul(), position);
        }
        return new Expr.Missing(position);
    }

    private static NumberValue number(String text, Position position) {
        try {
            return NumberValue.parse(text);
        } catch (SkiffException e) {
            throw position.invalid("Invalid number " + Messages.abbreviate(text) + ": "
                    + e.getMessage());
        }
    }

    private static Expr.PathRef path(PartiQLParser.PathContext context) {
        List<PathElement> elements = new ArrayList<>();
        elements.add(new PathElement.Name(TokenText.name(context.name())));
        for (PartiQLParser.PathStepContext step : context.pathStep()) {
            if (step instanceof PartiQLParser.MemberStepContext member) {
                elements.add(new PathElement.Name(TokenText.name(member.name())));
            } else {
                elements.add(new PathElement.Index(index(((PartiQLParser.IndexStepContext) step).NUMBER().getSymbol())));
            }
        }
        try {
            return new Expr.PathRef(Path.of(elements), at(context));
        } catch (SkiffException e) {
            throw at(context).invalid(e.getMessage());
        }
    }

    private static int index(Token number) {
        String text = number.getText();
        if (!text.chars().allMatch(Character::isDigit)) {
            throw at(number).invalid("A list index is a whole number such as [0]; found [" + text + "]");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw at(number).invalid("The list index [" + Messages.abbreviate(text)
                    + "] is too large");
        }
    }
}
