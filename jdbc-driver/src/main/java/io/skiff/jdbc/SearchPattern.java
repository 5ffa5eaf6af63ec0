package io.skiff.jdbc;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The LIKE patterns {@code DatabaseMetaData} methods take: {@code %} matches any text, {@code _}
 * one character, and {@code \} (the search string escape) makes the next character literal.
 * Matching is case-sensitive, like Skiff's names.
 */
final class SearchPattern {

    static final String ESCAPE = "\\";

    private SearchPattern() {
    }

    /** A matcher for the pattern; null matches every name, as JDBC says. */
    static Predicate<String> of(String pattern) {
        if (pattern == null) {
            return name -> true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return name -> name != null && compiled.matcher(name).matches();
    }

    /** A matcher for an exact name (the methods whose arguments are not patterns); null matches every name. */
    static Predicate<String> exactly(String name) {
        return name == null ? candidate -> true : name::equals;
    }
}
