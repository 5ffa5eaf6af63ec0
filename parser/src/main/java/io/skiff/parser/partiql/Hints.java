package io.skiff.parser.partiql;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The hints of a SELECT: names in a {@code /*+ ... *}{@code /} comment right after the
 * {@code SELECT} keyword, where SQL takes them ({@code SELECT /*+ EXACT *}{@code / ...}). The
 * grammar skips every comment, so DynamoDB's statements parse as before; the hints are read back
 * from the text between {@code SELECT} and the token after it.
 */
final class Hints {

    private Hints() {
    }

    /** The lower-case hint names in the comments between {@code select} and {@code next}. */
    static Set<String> between(TerminalNode select, Token next) {
        Token keyword = select.getSymbol();
        int from = keyword.getStopIndex() + 1;
        int to = next.getStartIndex() - 1;
        if (to < from || next.getType() == Token.EOF) {
            return Set.of();
        }
        return names(keyword.getInputStream().getText(Interval.of(from, to)));
    }

    /** The hint names in a stretch of whitespace and comments. */
    static Set<String> names(String gap) {
        Set<String> names = new LinkedHashSet<>();
        int at = 0;
        while (at < gap.length()) {
            if (gap.startsWith("--", at)) {
                int end = gap.indexOf('\n', at);
                at = end < 0 ? gap.length() : end + 1;
            } else if (gap.startsWith("/*", at)) {
                int end = gap.indexOf("*/", at + 2);
                int stop = end < 0 ? gap.length() : end;
                if (gap.startsWith("/*+", at)) {
                    for (String name : gap.substring(at + 3, stop).split("[\\s,]+")) {
                        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                at = end < 0 ? gap.length() : end + 2;
            } else {
                at++;
            }
        }
        return names;
    }
}
