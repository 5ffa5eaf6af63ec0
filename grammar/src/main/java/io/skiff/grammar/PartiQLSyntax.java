package io.skiff.grammar;

import static io.skiff.grammar.PartiQLLexer.*;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;

/**
 * Parses PartiQL statement text (DynamoDB's dialect, see {@code PartiQL.g4}) into ANTLR's parse
 * tree. Thread-safe; every call uses its own lexer and parser.
 *
 * <p>Text that does not parse fails with {@link SkiffException} of code
 * {@link ErrorCode#SYNTAX_ERROR} at the 1-based line and column of the offending token, saying
 * in plain words what was found and what was expected there, for example
 * {@code Unexpected name 'b', expected FROM at line 1, column 10}.
 */
public final class PartiQLSyntax {

    private static final SyntaxWording WORDING = SyntaxWording.builder(PartiQLParser.VOCABULARY)
            .end("end of statement")
            .kind(IDENTIFIER, "name", "name '{text}'")
            .kind(QUOTED_IDENTIFIER, "name", "name {text}")
            .kind(STRING, "string", "string {text}")
            .kind(NUMBER, "number", "number {text}")
            .names("a name", IDENTIFIER, QUOTED_IDENTIFIER, ALL, ASC, BY, DESC, LIMIT, MODIFIED, NEW, OLD, VALUE)
            .operands("an expression", STRING, STRING, NUMBER, QUESTION_MARK, IDENTIFIER, QUOTED_IDENTIFIER,
                    TRUE, FALSE, NULL, MISSING, NOT, EXISTS, PLUS, MINUS, LPAREN, LBRACKET, LBRACE, LT_LT,
                    ALL, ASC, BY, DESC, LIMIT, MODIFIED, NEW, OLD, VALUE)
            .operators(EQ, NE, LT, LE, GT, GE, PLUS, MINUS, AND, OR, NOT, BETWEEN, IN, IS, DOT)
            .sqlLexicalErrors(ERROR_CHARACTER, UNTERMINATED_STRING, UNTERMINATED_QUOTED_IDENTIFIER, UNTERMINATED_COMMENT)
            .noReservedWordHint(FROM, WHERE, RETURNING, AND, OR)
            .reservedWordHint("{word} is a reserved word; write it in double quotes to use it as a name")
            .wordHint("LIMIT", "LIMIT is supported only in a SELECT's ORDER BY distance(path, value) LIMIT k;"
                    + " the request's Limit parameter limits the items evaluated")
            .wordHint("OFFSET", "OFFSET is not supported; page with the request's NextToken")
            .wordHint("JOIN", "joins are not supported: a statement reads one table")
            .wordHint("GROUP", "GROUP BY is not supported")
            .wordHint("HAVING", "HAVING is not supported")
            .wordHint("UNION", "UNION is not supported")
            .wordHint("DISTINCT", "DISTINCT is not supported")
            .wordHint("AS", "aliases are not supported")
            .wordHint("LIKE", "LIKE is not supported; use begins_with(path, 'prefix') or contains(path, 'text')")
            .wordHint("VALUES", "INSERT takes one item: VALUE {'attribute': value, ...}")
            .build();

    private PartiQLSyntax() {
    }

    /**
     * The parse tree of one statement.
     *
     * @throws SkiffException {@link ErrorCode#SYNTAX_ERROR} when the text does not parse
     */
    public static PartiQLParser.StatementContext parse(String statement) {
        Objects.requireNonNull(statement, "statement");
        return TwoStageParser.parse(new PartiQLLexer(CharStreams.fromString(statement)), PartiQLParser::new,
                PartiQLParser::statement, WORDING, "");
    }
}
