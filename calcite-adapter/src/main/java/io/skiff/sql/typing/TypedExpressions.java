package io.skiff.sql.typing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.CompositeOperandTypeChecker;
import org.apache.calcite.sql.type.FamilyOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Rewrites the expressions of one relational operator where a value typed at run time (SQL
 * type ANY) is used:
 *
 * <ul>
 *   <li>{@code x[key]} on a value becomes {@code VALUE_ITEM(x, key)}: NULL when x holds no such
 *       entry, also when x is a string or number rather than a map or list;</li>
 *   <li>a comparison ({@code = <> < <= > >=}, {@code IS [NOT] DISTINCT FROM}, and so BETWEEN,
 *       IN and simple CASE, which become comparisons) becomes {@code VALUE_EQ(a, b)} etc.:
 *       UNKNOWN when the run-time types differ, never an exception;</li>
 *   <li>a LIKE or SIMILAR TO operand becomes {@code STRING_OR_NULL(x)}: a non-string does not
 *       match (UNKNOWN); likewise {@code IS [NOT] TRUE/FALSE} treat a non-boolean as UNKNOWN;</li>
 *   <li>an argument of a function that expects a string, number, boolean or binary (as its
 *       operand type checker says, e.g. UPPER, CHAR_LENGTH, ABS, MOD) becomes
 *       {@code STRING_VALUE(x, 'label')} etc.: an error naming the value if it has another type;</li>
 *   <li>over a window, an operand of SUM, AVG and the variances becomes {@code NUMBER_VALUE(x, 'label')},
 *       and MIN and MAX become the total-order {@code VALUE_MIN} and {@code VALUE_MAX}.</li>
 * </ul>
 *
 * Every rewritten expression keeps its type.
 */
final class TypedExpressions extends RexShuttle {

    private static final Map<SqlKind, SqlFunction> COMPARISONS = Map.of(
            SqlKind.EQUALS, TypedOperators.EQUALS,
            SqlKind.NOT_EQUALS, TypedOperators.NOT_EQUALS,
            SqlKind.LESS_THAN, TypedOperators.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL, TypedOperators.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, TypedOperators.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL, TypedOperators.GREATER_THAN_OR_EQUAL,
            SqlKind.IS_DISTINCT_FROM, TypedOperators.DISTINCT,
            SqlKind.IS_NOT_DISTINCT_FROM, TypedOperators.NOT_DISTINCT);

    /** Predicates on strings or booleans, and the conversion that makes another type UNKNOWN. */
    private static final Map<SqlKind, SqlFunction> PREDICATES = Map.of(
            SqlKind.LIKE, TypedOperators.STRING_OR_NULL,
            SqlKind.SIMILAR, TypedOperators.STRING_OR_NULL,
            SqlKind.RLIKE, TypedOperators.STRING_OR_NULL,
            SqlKind.POSIX_REGEX_CASE_SENSITIVE, TypedOperators.STRING_OR_NULL,
            SqlKind.POSIX_REGEX_CASE_INSENSITIVE, TypedOperators.STRING_OR_NULL,
            SqlKind.IS_TRUE, TypedOperators.BOOLEAN_OR_NULL,
            SqlKind.IS_NOT_TRUE, TypedOperators.BOOLEAN_OR_NULL,
            SqlKind.IS_FALSE, TypedOperators.BOOLEAN_OR_NULL,
            SqlKind.IS_NOT_FALSE, TypedOperators.BOOLEAN_OR_NULL);

    /** Operators that check their operands in code, so their checkers do not say what they need. */
    private static final Map<SqlOperator, List<SqlTypeFamily>> CHECKED_IN_CODE = Map.of(
            SqlStdOperatorTable.SUBSTRING, List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));

    private final RexBuilder rexBuilder;
    private final List<String> inputNames;

    TypedExpressions(RelNode rel) {
        this.rexBuilder = rel.getCluster().getRexBuilder();
        this.inputNames = RuntimeTyping.inputFieldNames(rel);
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
        RelNode rel = RuntimeTyping.rewrite(subQuery.rel);
        return super.visitSubQuery(rel == subQuery.rel ? subQuery : subQuery.clone(rel));
    }

    @Override
    public RexNode visitCall(RexCall original) {
        RexNode visited = super.visitCall(original);
        if (!(visited instanceof RexCall call) || TypedOperators.isTyped(call.getOperator())
                || call.getOperands().stream().noneMatch(o -> RuntimeTyping.isAny(o.getType()))) {
            return visited;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.ITEM && RuntimeTyping.isAny(call.getOperands().get(0).getType())) {
            return rexBuilder.makeCall(call.getType(), TypedOperators.ITEM, call.getOperands());
        }
        if (kind == SqlKind.SEARCH) {
            return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
        }
        SqlFunction comparison = COMPARISONS.get(kind);
        if (comparison != null) {
            return comparison(comparison, call);
        }
        SqlFunction predicate = PREDICATES.get(kind);
        if (predicate != null) {
            List<RexNode> operands = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
                operands.add(RuntimeTyping.isAny(operand.getType()) ? rexBuilder.makeCall(predicate, operand) : operand);
            }
            return call.clone(call.getType(), operands);
        }
        return withTypedArguments(call);
    }

    /** SUM, AVG, ... OVER a window of ANY values read NUMBER_VALUE(value); MIN and MAX use the total order. */
    @Override
    public RexNode visitOver(RexOver original) {
        RexNode visited = super.visitOver(original);
        if (!(visited instanceof RexOver over)
                || over.getOperands().stream().noneMatch(o -> RuntimeTyping.isAny(o.getType()))) {
            return visited;
        }
        SqlKind kind = over.getAggOperator().getKind();
        SqlAggFunction aggregate = kind == SqlKind.MIN ? TypedOperators.MIN
                : kind == SqlKind.MAX ? TypedOperators.MAX : over.getAggOperator();
        boolean numeric = RuntimeTyping.NUMERIC_AGGREGATES.contains(kind);
        if (aggregate == over.getAggOperator() && !numeric) {
            return visited;
        }
        List<RexNode> operands = new ArrayList<>();
        for (RexNode operand : over.getOperands()) {
            operands.add(numeric && RuntimeTyping.isAny(operand.getType())
                    ? converted(TypedOperators.NUMBER, operand) : operand);
        }
        RexWindow window = over.getWindow();
        return rexBuilder.makeOver(over.getType(), aggregate, operands, window.partitionKeys,
                window.orderKeys, window.getLowerBound(), window.getUpperBound(), window.getExclude(), window.isRows(),
                true, false, over.isDistinct(), over.ignoreNulls());
    }

    /** The Skiff comparison; one that must not be UNKNOWN (both sides NOT NULL) treats UNKNOWN as false. */
    private RexNode comparison(SqlFunction operator, RexCall call) {
        RexNode compared = rexBuilder.makeCall(operator, call.getOperands());
        if (!call.getType().isNullable() && compared.getType().isNullable()) {
            return rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE, compared);
        }
        return compared;
    }

    /** Arguments the operator needs as strings, numbers, booleans or binaries get converted (or an error). */
    private RexNode withTypedArguments(RexCall call) {
        List<RexNode> operands = new ArrayList<>(call.getOperands());
        boolean changed = false;
        for (int i = 0; i < operands.size(); i++) {
            SqlFunction conversion = RuntimeTyping.isAny(operands.get(i).getType())
                    ? conversionFor(call.getOperator(), i) : null;
            if (conversion != null) {
                operands.set(i, converted(conversion, operands.get(i)));
                changed = true;
            }
        }
        return changed ? call.clone(call.getType(), operands) : call;
    }

    /** {@code conversion(operand, 'label')}: the operand's value, or an error naming it. */
    private RexNode converted(SqlFunction conversion, RexNode operand) {
        return rexBuilder.makeCall(conversion, operand, rexBuilder.makeLiteral(Labels.of(operand, inputNames)));
    }

    /**
     * The conversion operand {@code i} of an operator needs, from the type family its checker
     * requires there: a family checker's, or the one every alternative of a composite checker
     * agrees on; null when the checker does not say.
     */
    static SqlFunction conversionFor(SqlOperator operator, int i) {
        List<SqlTypeFamily> inCode = CHECKED_IN_CODE.get(operator);
        if (inCode != null) {
            return i < inCode.size() ? conversionTo(inCode.get(i)) : null;
        }
        return conversionIn(operator.getOperandTypeChecker(), i);
    }

    private static SqlFunction conversionIn(SqlOperandTypeChecker checker, int i) {
        if (checker instanceof FamilyOperandTypeChecker family) {
            // By position: a checker that declares optional operands a call leaves out still
            // says what each one it has must be.
            return i < family.getOperandCountRange().getMax() ? conversionTo(family.getOperandSqlTypeFamily(i)) : null;
        }
        if (checker instanceof CompositeOperandTypeChecker composite) {
            // Alternatives no stored value can take (intervals, arrays) do not count.
            SqlFunction agreed = null;
            for (SqlOperandTypeChecker rule : composite.getRules()) {
                SqlFunction found = conversionIn(rule, i);
                if (found != null && agreed != null && found != agreed) {
                    return null;
                }
                agreed = found != null ? found : agreed;
            }
            return agreed;
        }
        return null;
    }

    private static SqlFunction conversionTo(SqlTypeFamily family) {
        if (family == null) {
            return null;
        }
        switch (family) {
            case CHARACTER:
            case STRING:
                return TypedOperators.STRING;
            case NUMERIC:
            case EXACT_NUMERIC:
            case APPROXIMATE_NUMERIC:
            case INTEGER:
            case DECIMAL:
                return TypedOperators.NUMBER;
            case BOOLEAN:
                return TypedOperators.BOOLEAN;
            case BINARY:
                return TypedOperators.BINARY;
            default:
                return null;
        }
    }
}
