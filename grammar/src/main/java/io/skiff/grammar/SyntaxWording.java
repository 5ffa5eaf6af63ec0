package io.skiff.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Objects;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * How one grammar's syntax errors are worded: what its tokens are called in plain words, which
 * tokens start an operand (so that a dozen of them read as "an expression" rather than a list),
 * and the hints for common mistakes. ANTLR's own messages list raw token sets; these name the
 * offending token and summarise what could have come instead.
 */
final class SyntaxWording {

    /** Most alternatives an "expected ..." part lists before it is cut short. */
    private static final int MAX_LISTED = 6;

    private final Vocabulary vocabulary;
    private final Map<Integer, String> tokenKinds;
    private final Map<Integer, String> tokenFormats;
    private final Map<Integer, String> tokenHints;
    private final IntervalSet unhintedKeywords;
    private final IntervalSet operandStarts;
    private final int valueToken;
    private final String operandWord;
    private final IntervalSet nameTokens;
    private final int nameToken;
    private final String nameWord;
    private final IntervalSet operators;
    private final Map<Integer, String> lexicalErrors;
    private final Map<String, String> wordHints;
    private final String reservedWordHint;
    private final String endWord;

    private SyntaxWording(Builder builder) {
        this.vocabulary = Objects.requireNonNull(builder.vocabulary, "vocabulary");
        this.tokenKinds = Map.copyOf(builder.tokenKinds);
        this.tokenFormats = Map.copyOf(builder.tokenFormats);
        this.tokenHints = Map.copyOf(builder.tokenHints);
        this.unhintedKeywords = builder.unhintedKeywords;
        this.operandStarts = builder.operandStarts;
        this.valueToken = builder.valueToken;
        this.operandWord = builder.operandWord;
        this.nameTokens = builder.nameTokens;
        this.nameToken = builder.nameToken;
        this.nameWord = builder.nameWord;
        this.operators = builder.operators;
        this.lexicalErrors = Map.copyOf(builder.lexicalErrors);
        this.wordHints = Map.copyOf(builder.wordHints);
        this.reservedWordHint = builder.reservedWordHint;
        this.endWord = builder.endWord;
    }

    static Builder builder(Vocabulary vocabulary) {
        return new Builder(vocabulary);
    }

    /**
     * The message for a syntax error at {@code offending}, without the position (the caller
     * appends it).
     *
     * @param expected the tokens that could have come instead, or {@code null} when unknown
     */
    String message(Token offending, IntervalSet expected) {
        String lexical = lexicalErrors.get(offending.getType());
        if (lexical != null) {
            return lexical.replace("{text}", abbreviate(offending.getText()));
        }
        StringBuilder message = new StringBuilder("Unexpected ").append(describe(offending));
        if (expected != null && !expected.isNil()) {
            message.append(", expected ").append(describeExpected(expected));
        }
        String hint = hint(offending, expected);
        if (hint != null) {
            message.append(" (").append(hint).append(')');
        }
        return message.toString();
    }

    private String hint(Token offending, IntervalSet expected) {
        int type = offending.getType();
        if (isKeyword(type)) {
            boolean nameWasPossible = expected != null && expected.contains(nameToken);
            if (nameWasPossible && !unhintedKeywords.contains(type)) {
                return reservedWordHint.replace("{word}", offending.getText());
            }
            // A keyword valid in one spot only (PartiQL's LIMIT) may still explain itself elsewhere.
            return wordHints.get(offending.getText().toUpperCase(Locale.ROOT));
        }
        if (tokenHints.containsKey(type)) {
            return tokenHints.get(type);
        }
        return offending.getText() == null ? null : wordHints.get(offending.getText().toUpperCase(Locale.ROOT));
    }

    /** The offending token in words: {@code end of statement}, {@code keyword FROM}, {@code name 'x'}. */
    String describe(Token token) {
        int type = token.getType();
        if (type == Token.EOF) {
            return endWord;
        }
        if (isKeyword(type)) {
            return "keyword " + token.getText().toUpperCase(Locale.ROOT);
        }
        String format = tokenFormats.get(type);
        if (format != null) {
            return format.replace("{text}", abbreviate(token.getText()));
        }
        return "'" + abbreviate(token.getText()) + "'";
    }

    private String describeExpected(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        IntervalSet rest = new IntervalSet(expected);
        boolean end = rest.contains(Token.EOF);
        rest.remove(Token.EOF);
        if (rest.contains(valueToken) && rest.and(operandStarts).size() > 1) {
            parts.add(operandWord);
            rest = rest.subtract(operandStarts);
        } else if (rest.contains(nameToken)) {
            parts.add(nameWord);
            rest = rest.subtract(nameTokens);
        }
        IntervalSet presentOperators = rest.and(operators);
        if (presentOperators.size() >= 3) {
            parts.add("an operator");
            rest = rest.subtract(operators);
        }
        for (int type : rest.toArray()) {
            if (parts.size() == MAX_LISTED) {
                parts.add("...");
                break;
            }
            parts.add(expectedName(type));
        }
        if (end) {
            parts.add(endWord);
        }
        return joinAlternatives(parts);
    }

    private String expectedName(int type) {
        String kind = tokenKinds.get(type);
        if (kind != null) {
            return "a " + kind;
        }
        String literal = vocabulary.getLiteralName(type);
        if (literal == null) {
            return vocabulary.getDisplayName(type);
        }
        return isKeyword(type) ? literal.substring(1, literal.length() - 1) : literal;
    }

    private boolean isKeyword(int type) {
        String literal = type > 0 ? vocabulary.getLiteralName(type) : null;
        return literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1));
    }

    private static boolean containsAny(IntervalSet set, IntervalSet candidates) {
        return !set.and(candidates).isNil();
    }

    private static String joinAlternatives(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Collects one grammar's wording. */
    static final class Builder {
        private final Vocabulary vocabulary;
        private final Map<Integer, String> tokenKinds = new HashMap<>();
        private final Map<Integer, String> tokenFormats = new HashMap<>();
        private final Map<Integer, String> tokenHints = new HashMap<>();
        private IntervalSet unhintedKeywords = new IntervalSet();
        private IntervalSet operandStarts = new IntervalSet();
        private int valueToken = -1;
        private String operandWord = "an expression";
        private IntervalSet nameTokens = new IntervalSet();
        private int nameToken = -1;
        private String nameWord = "a name";
        private IntervalSet operators = new IntervalSet();
        private final Map<Integer, String> lexicalErrors = new HashMap<>();
        private final Map<String, String> wordHints = new HashMap<>();
        private String reservedWordHint = "{word} is a reserved word";
        private String endWord = "end of input";

        private Builder(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
        }

        /**
         * A token with variable text: expected, it is "a {@code kind}"; found, it is described
         * by {@code format}, in which {@code {text}} stands for its text, e.g. {@code name '{text}'}.
         */
        Builder kind(int tokenType, String kind, String format) {
            tokenKinds.put(tokenType, kind);
            tokenFormats.put(tokenType, format);
            return this;
        }

        /** A hint added whenever a token of this type is unexpected. */
        Builder tokenHint(int tokenType, String hint) {
            tokenHints.put(tokenType, hint);
            return this;
        }

        /** Keywords that get no reserved-word hint: where they stand, a missing part is likelier. */
        Builder noReservedWordHint(int... keywords) {
            this.unhintedKeywords = new IntervalSet(keywords);
            return this;
        }

        /**
         * The tokens that can start an operand; when {@code valueToken} is among the expected
         * tokens, they are all summarised as {@code word}.
         */
        Builder operands(String word, int valueToken, int... starts) {
            this.operandWord = word;
            this.valueToken = valueToken;
            this.operandStarts = new IntervalSet(starts);
            return this;
        }

        /**
         * The tokens that can be a name, summarised as {@code word} when the first one (the plain
         * name token) is among the expected tokens.
         */
        Builder names(String word, int... types) {
            this.nameWord = word;
            this.nameToken = types[0];
            this.nameTokens = new IntervalSet(types);
            return this;
        }

        /** The binary operators, summarised as "an operator" when three or more are expected. */
        Builder operators(int... types) {
            this.operators = new IntervalSet(types);
            return this;
        }

        /** The whole message for an error token; {@code {text}} stands for the token's text. */
        Builder lexicalError(int tokenType, String message) {
            lexicalErrors.put(tokenType, message);
            return this;
        }

        /** A hint added when a plain name with this text (any case) is unexpected. */
        /**
         * The lexical errors of the SQL-like grammars: a character no token takes, and an
         * unterminated string, quoted name or comment.
         */
        Builder sqlLexicalErrors(int errorCharacter, int string, int quotedName, int comment) {
            return lexicalError(errorCharacter, "Unexpected character '{text}'")
                    .lexicalError(string, "Unterminated string: a string ends with a single quote (write '' for a"
                            + " quote inside it)")
                    .lexicalError(quotedName, "Unterminated quoted name: a name ends with a double quote (write \"\""
                            + " for a quote inside it)")
                    .lexicalError(comment, "Unterminated comment: a /* comment ends with */");
        }

        Builder wordHint(String word, String hint) {
            wordHints.put(word.toUpperCase(Locale.ROOT), hint);
            return this;
        }

        /** The hint added when a keyword stands where a name could; {@code {word}} is the keyword. */
        Builder reservedWordHint(String hint) {
            this.reservedWordHint = hint;
            return this;
        }

        /** What the end of the input is called, e.g. "end of statement". */
        Builder end(String word) {
            this.endWord = word;
            return this;
        }

        SyntaxWording build() {
            return new SyntaxWording(this);
        }
    }
}
