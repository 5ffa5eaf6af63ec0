package io.skiff.repl.complete;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The words of Skiff's SQL that the shell colours and completes: keywords, and the functions
 * Calcite offers. The lists are the shell's own (the driver publishes no function names), kept
 * to what people type; a word missing here still works, it is just not offered.
 */
public final class SqlWords {

    /** Keywords, upper case. */
    public static final Set<String> KEYWORDS = words("""
            ALL ALTER AND ANY ARRAY AS ASC BETWEEN BIGINT BINARY BOOLEAN BOTH BY CASCADE CASE CAST CHAR
            CHARACTER CROSS CURRENT DECIMAL DEFAULT DELETE DESC DISTINCT DOUBLE DROP ELSE END ESCAPE EXCEPT
            EXISTS EXPLAIN EXTEND FALSE FETCH FILTER FIRST FLOAT FOLLOWING FOR FROM FULL GROUP HAVING IF
            IN INNER INSERT INT INTEGER INTERSECT INTO IS JOIN KEY LAST LATERAL LEADING LEFT LIKE LIMIT MAP
            MINUS NATURAL NEXT NOT NULL NULLS NUMERIC OF OFFSET ON ONLY OR ORDER OUTER OVER PARTITION PLAN
            PRECEDING PRIMARY RANGE REAL RETURNING RIGHT ROW ROWS SELECT SET SIMILAR SMALLINT SOME TABLE
            THEN TINYINT TO TRAILING TRUE UNBOUNDED UNION UNKNOWN UPDATE USING VALUE VALUES VARBINARY
            VARCHAR WHEN WHERE WINDOW WITH""");

    /** Functions, upper case. */
    public static final Set<String> FUNCTIONS = words("""
            ABS ACOS ASIN ATAN ATAN2 AVG CARDINALITY CEIL CEILING CHAR_LENGTH CHARACTER_LENGTH COALESCE
            COS COT COUNT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DEGREES ELEMENT EVERY EXP FLOOR
            INITCAP LN LOG10 LOWER MAX MIN MOD NULLIF OCTET_LENGTH OVERLAY POSITION POWER RADIANS RAND
            RAND_INTEGER ROUND SIGN SIN SQRT STDDEV_POP STDDEV_SAMP SUBSTRING SUM TAN TRIM TRUNCATE UPPER
            VAR_POP VAR_SAMP""");

    private SqlWords() {
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether {@code word} is a keyword, in any case. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Whether {@code word} is a known function, in any case. */
    public static boolean isFunction(String word) {
        return FUNCTIONS.contains(word.toUpperCase(Locale.ROOT));
    }
}
