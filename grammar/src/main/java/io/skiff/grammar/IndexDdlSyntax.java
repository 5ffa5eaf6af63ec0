package io.skiff.grammar;

import static io.skiff.grammar.IndexDdlParser.ERROR_CHARACTER;
import static io.skiff.grammar.IndexDdlParser.IDENTIFIER;
import static io.skiff.grammar.IndexDdlParser.NUMBER;
import static io.skiff.grammar.IndexDdlParser.QUOTED_IDENTIFIER;
import static io.skiff.grammar.IndexDdlParser.STRING;
import static io.skiff.grammar.IndexDdlParser.UNTERMINATED_COMMENT;
import static io.skiff.grammar.IndexDdlParser.UNTERMINATED_QUOTED_IDENTIFIER;
import static io.skiff.grammar.IndexDdlParser.UNTERMINATED_STRING;

import io.skiff.core.error.SkiffException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;

/**
 * Parses {@code CREATE INDEX} and {@code DROP INDEX} (see {@code IndexDdl.g4}) into ANTLR's parse
 * tree; both dialects share it. Text that does not parse fails with {@code SYNTAX_ERROR} at the
 * line and column of the offending token.
 */
public final class IndexDdlSyntax {

    private static final Pattern INDEX_DDL = Pattern.compile("\\A(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*"
            + "(?:CREATE|DROP)\\s+INDEX\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final SyntaxWording WORDING = SyntaxWording.builder(IndexDdlParser.VOCABULARY)
            .end("end of statement")
            .kind(IDENTIFIER, "name", "name '{text}'")
            .kind(QUOTED_IDENTIFIER, "name", "name {text}")
            .kind(STRING, "string", "string {text}")
            .kind(NUMBER, "number", "number {text}")
            .names("a name", IDENTIFIER, QUOTED_IDENTIFIER)
            .sqlLexicalErrors(ERROR_CHARACTER, UNTERMINATED_STRING, UNTERMINATED_QUOTED_IDENTIFIER, UNTERMINATED_COMMENT)
            .reservedWordHint("{word} is a reserved word; write it in double quotes to use it as a name")
            .build();

    private IndexDdlSyntax() {
    }

    /** Whether the text is index DDL (it starts with CREATE INDEX or DROP INDEX), right or wrong. */
    public static boolean isIndexDdl(String text) {
        return text != null && INDEX_DDL.matcher(text).lookingAt();
    }

    /**
     * The parse tree of one statement.
     *
     * @throws SkiffException {@code SYNTAX_ERROR} when the text does not parse
     */
    public static IndexDdlParser.StatementContext parse(String statement) {
        Objects.requireNonNull(statement, "statement");
        return TwoStageParser.parse(new IndexDdlLexer(CharStreams.fromString(statement)), IndexDdlParser::new,
                IndexDdlParser::statement, WORDING, "");
    }
}
