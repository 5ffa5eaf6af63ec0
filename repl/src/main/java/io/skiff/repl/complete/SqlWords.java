package io.skiff.repl.complete;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The words of a dialect that the shell colours and completes: keywords, functions, and the
 * words statements start with. The lists are the shell's own (the driver publishes no function
 * names), kept to what people type; a word missing here still works, it is just not offered.
 */
public final class SqlWords {

    /** Skiff's SQL: Calcite's keywords and functions as people use them. */
    public static final SqlWords SQL = new SqlWords("""
            ALL ALTER AND ANY ARRAY AS ASC BETWEEN BIGINT BINARY BOOLEAN BOTH BY CASCADE CASE CAST CHAR
            CHARACTER CROSS CURRENT DECIMAL DEFAULT DELETE DESC DISTINCT DOUBLE DROP ELSE END ESCAPE EXCEPT
            EXISTS EXPLAIN EXTEND FALSE FETCH FILTER FIRST FLOAT FOLLOWING FOR FROM FULL GROUP HAVING IF
            IN INNER INSERT INT INTEGER INTERSECT INTO IS JOIN KEY LAST LATERAL LEADING LEFT LIKE LIMIT MAP
            MINUS NATURAL NEXT NOT NULL NULLS NUMERIC OF OFFSET ON ONLY OR ORDER OUTER OVER PARTITION PLAN
            PRECEDING PRIMARY RANGE REAL RETURNING RIGHT ROW ROWS SELECT SET SIMILAR SMALLINT SOME TABLE
            THEN TINYINT TO TRAILING TRUE UNBOUNDED UNION UNKNOWN UPDATE USING VALUE VALUES VARBINARY
            VARCHAR WHEN WHERE WINDOW WITH""", """
            ABS ACOS APPROX_DISTINCT APPROX_FREQUENCY ASIN ATAN ATAN2 AVG CARDINALITY CEIL CEILING CHAR_LENGTH
            CHARACTER_LENGTH COALESCE
            COS COSINE COT COUNT DAMERAU EUCLIDEAN HAMMING HAVERSINE JACCARD JARO_WINKLER LEVENSHTEIN MANHATTAN SIMHASH
            CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DEGREES ELEMENT EVERY EXP FLOOR
            INITCAP LN LOG10 LOWER MAX MIN MOD NULLIF OCTET_LENGTH OVERLAY POSITION POWER RADIANS RAND
            RAND_INTEGER ROUND SIGN SIN SQRT STDDEV_POP STDDEV_SAMP SUBSTRING SUM TAN TRIM TRUNCATE UPPER
            VAR_POP VAR_SAMP""", "SELECT INSERT UPDATE DELETE CREATE DROP EXPLAIN WITH VALUES");

    /** PartiQL in DynamoDB's dialect (and Skiff's EXPLAIN). */
    public static final SqlWords PARTIQL = new SqlWords("""
            ALL AND ASC BETWEEN BY DELETE DESC EXISTS EXPLAIN FALSE FROM IN INSERT INTO IS MISSING MODIFIED
            NEW NOT NULL OLD OR ORDER REMOVE RETURNING SELECT SET TRUE UPDATE VALUE WHERE""", """
            ATTRIBUTE_TYPE BEGINS_WITH CONTAINS EXISTS LIST_APPEND MISSING SET_ADD SET_DELETE SIZE""",
            "SELECT INSERT UPDATE DELETE EXISTS EXPLAIN");

    private final Set<String> keywords;
    private final Set<String> functions;
    private final List<String> statementStarts;

    private SqlWords(String keywords, String functions, String statementStarts) {
        this.keywords = words(keywords);
        this.functions = words(functions);
        this.statementStarts = List.copyOf(words(statementStarts));
    }

    private static Set<String> words(String text) {
        TreeSet<String> words = Arrays.stream(text.strip().split("\\s+"))
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSet(words);
    }

    /** The words of the dialect a connection speaks: {@code sql} or {@code partiql}. */
    public static SqlWords of(String dialect) {
        return "partiql".equalsIgnoreCase(dialect) ? PARTIQL : SQL;
    }

    /** Whether {@code word} is a keyword of either dialect, in any case: such names need quotes. */
    public static boolean isReserved(String word) {
        return SQL.isKeyword(word) || PARTIQL.isKeyword(word);
    }

    /** Keywords, upper case, sorted. */
    public Set<String> keywords() {
        return keywords;
    }

    /** Functions, upper case, sorted. */
    public Set<String> functions() {
        return functions;
    }

    /** The words a statement may start with, upper case. */
    public List<String> statementStarts() {
        return statementStarts;
    }

    /** Whether {@code word} is a keyword, in any case. */
    public boolean isKeyword(String word) {
        return keywords.contains(word.toUpperCase(Locale.ROOT));
    }

    /** Whether {@code word} is a known function, in any case. */
    public boolean isFunction(String word) {
        return functions.contains(word.toUpperCase(Locale.ROOT));
    }
}
