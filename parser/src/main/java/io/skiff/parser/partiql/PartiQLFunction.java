package io.skiff.parser.partiql;

import java.util.Locale;
import java.util.Optional;

/**
 * The functions of PartiQL for DynamoDB. Names are case-insensitive ({@code LIST_APPEND} and
 * {@code list_append} are one function). {@code EXISTS} and {@code MISSING} are keywords, not
 * functions: see {@link Expr.Exists} and {@link Expr.Is}.
 */
public enum PartiQLFunction {
    /** {@code begins_with(path, prefix)}: a condition. */
    BEGINS_WITH(2, Use.CONDITION),
    /** {@code contains(path, operand)}: a condition. */
    CONTAINS(2, Use.CONDITION),
    /** {@code attribute_type(path, 'S')}: a condition. */
    ATTRIBUTE_TYPE(2, Use.CONDITION),
    /** {@code size(path)}: a number. */
    SIZE(1, Use.VALUE),
    /** {@code list_append(list1, list2)}: the value of an UPDATE's SET. */
    LIST_APPEND(2, Use.UPDATE_VALUE),
    /** {@code set_add(set, elements)}: the value of an UPDATE's SET. */
    SET_ADD(2, Use.UPDATE_VALUE),
    /** {@code set_delete(set, elements)}: the value of an UPDATE's SET. */
    SET_DELETE(2, Use.UPDATE_VALUE);

    /** Where a function's result may be used. */
    public enum Use {
        /** A true/false test: WHERE, or an operand of AND, OR, NOT. */
        CONDITION,
        /** A value, anywhere a value may be. */
        VALUE,
        /** A value that only an UPDATE's SET may assign. */
        UPDATE_VALUE
    }

    private final int arity;
    private final Use use;

    PartiQLFunction(int arity, Use use) {
        this.arity = arity;
        this.use = use;
    }

    /** How many arguments the function takes. */
    public int arity() {
        return arity;
    }

    /** Where its result may be used. */
    public Use use() {
        return use;
    }

    /** The name as written in statements (lowercase). */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function of that name in any case, or empty when there is none. */
    public static Optional<PartiQLFunction> byName(String name) {
        for (PartiQLFunction function : values()) {
            if (function.name().equalsIgnoreCase(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
