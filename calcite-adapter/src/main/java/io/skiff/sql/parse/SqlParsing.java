package io.skiff.sql.parse;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;

/**
 * How Skiff reads SQL text: Calcite's parser with DDL, double-quoted identifiers, and names
 * kept exactly as written and matched case-sensitively, because attribute names are
 * case-sensitive in the document model.
 */
public final class SqlParsing {

    /** The parser configuration every statement is read with. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlDdlParserImpl.FACTORY)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT);

    private SqlParsing() {
    }

    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

    /**
     * Line and column of a syntax error: those of the offending token as the message names it,
     * which are more precise than the exception's position (the start of the enclosing phrase).
     */
    public static int[] position(SqlParseException e) {
        Matcher at = e.getMessage() == null ? null : AT.matcher(e.getMessage());
        if (at != null && at.find()) {
            return new int[] {Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2))};
        }
        SqlParserPos pos = e.getPos();
        return pos == null ? new int[] {1, 1} : new int[] {Math.max(1, pos.getLineNum()), Math.max(1, pos.getColumnNum())};
    }

    /** The first line of Calcite's message, without its long list of expected tokens. */
    public static String summary(String message) {
        if (message == null) {
            return "Syntax error";
        }
        String first = message.split("\n", 2)[0].trim();
        int at = first.indexOf(" at line ");
        return (at > 0 ? first.substring(0, at) : first).replace("\"", "'");
    }

    /** The statement without trailing semicolons, which JDBC users often keep. */
    public static String stripTrailingSemicolons(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
