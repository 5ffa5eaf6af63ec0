package io.skiff.parser.partiql;

import io.skiff.grammar.PartiQLParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** The values of tokens: unquoted names and strings, and positions. */
final class TokenText {

    private TokenText() {
    }

    static Position at(Token token) {
        return new Position(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static Position at(ParserRuleContext context) {
        return at(context.getStart());
    }

    /** A name as meant: the text of a plain name, or a quoted name without quotes, {@code ""} as {@code "}. */
    static String name(PartiQLParser.NameContext name) {
        if (name.QUOTED_IDENTIFIER() == null) {
            return name.getText();
        }
        String text = name.QUOTED_IDENTIFIER().getText();
        String unquoted = unquote(text, '"');
        if (unquoted.isEmpty()) {
            throw at(name).invalid("A name may not be empty");
        }
        return unquoted;
    }

    /** A string literal's value: without the quotes, {@code ''} as {@code '}. */
    static String string(Token token) {
        return unquote(token.getText(), '\'');
    }

    private static String unquote(String text, char quote) {
        String inner = text.substring(1, text.length() - 1);
        return inner.indexOf(quote) < 0 ? inner : inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }
}
