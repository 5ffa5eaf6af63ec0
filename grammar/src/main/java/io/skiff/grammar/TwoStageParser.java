package io.skiff.grammar;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Objects;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs one ANTLR parse the fast way: first in SLL prediction mode with {@link BailErrorStrategy}
 * (which settles almost every valid input), and only when that fails again in full LL mode,
 * which either parses the few inputs SLL cannot decide or finds the real first error. Nothing
 * goes to stderr: the console error listeners are removed, and the first error becomes a
 * {@link SkiffException} with {@link ErrorCode#SYNTAX_ERROR} at its line and column.
 *
 * <p>The generated lexers and parsers keep their DFA caches in static fields, so the prediction
 * work of earlier parses is reused by every new instance; creating a lexer and a parser per
 * input costs little and keeps parsing thread-safe.
 */
final class TwoStageParser {

    private TwoStageParser() {
    }

    /**
     * Parses the lexer's input with {@code entry}, a start rule of {@code parser}.
     *
     * @param prefix put before every error message (e.g. "Invalid UpdateExpression: "), or ""
     */
    static <P extends Parser, T extends ParserRuleContext> T parse(Lexer lexer, Function<CommonTokenStream, P> newParser,
                                                                   Function<P, T> entry, SyntaxWording wording,
                                                                   String prefix) {
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        P parser = newParser.apply(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return entry.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            // SLL could not decide or the input is wrong: LL either parses it or finds the error.
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new FirstErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return entry.apply(parser);
            } catch (ParseCancellationException e) {
                throw syntaxError(e, parser, wording, prefix);
            }
        }
    }

    private static SkiffException syntaxError(ParseCancellationException cancelled, Parser parser,
                                              SyntaxWording wording, String prefix) {
        if (!(cancelled.getCause() instanceof RecognitionException error)) {
            throw cancelled;
        }
        Token offending = Objects.requireNonNullElse(error.getOffendingToken(), parser.getCurrentToken());
        IntervalSet expected = expectedAt(error, offending);
        String message = prefix + wording.message(offending, expected);
        return SkiffException.at(ErrorCode.SYNTAX_ERROR, offending.getLine(), offending.getCharPositionInLine() + 1,
                message);
    }

    /** The tokens that could have stood where {@code offending} is, or null when not known. */
    private static IntervalSet expectedAt(RecognitionException error, Token offending) {
        // A failed prediction knows the tokens that start each alternative, which is only the
        // right set when it failed at the first token it looked at.
        if (error instanceof NoViableAltException noViableAlt && noViableAlt.getStartToken() != offending) {
            return null;
        }
        try {
            return error.getExpectedTokens();
        } catch (RuntimeException unknownState) {
            return null;
        }
    }

    /**
     * The error strategy of the second stage: it never recovers, so the first error ends the
     * parse, and it checks every loop and optional block on entry so that the error carries the
     * full set of tokens that were possible there (not just the next one a rule matches).
     */
    private static final class FirstErrorStrategy extends BailErrorStrategy {

        @Override
        public void sync(Parser recognizer) {
            ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
            int next = recognizer.getInputStream().LA(1);
            IntervalSet possible = recognizer.getATN().nextTokens(state);
            if (possible.contains(next) || possible.contains(Token.EPSILON)) {
                return;
            }
            switch (state.getStateType()) {
                case ATNState.BLOCK_START, ATNState.STAR_BLOCK_START, ATNState.PLUS_BLOCK_START,
                     ATNState.STAR_LOOP_ENTRY, ATNState.PLUS_LOOP_BACK, ATNState.STAR_LOOP_BACK ->
                        throw new ParseCancellationException(new InputMismatchException(recognizer));
                default -> {
                    // Other states are checked by the match or prediction that follows.
                }
            }
        }
    }
}
