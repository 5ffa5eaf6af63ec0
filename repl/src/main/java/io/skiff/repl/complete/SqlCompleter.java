package io.skiff.repl.complete;

import io.skiff.repl.Identifiers;
import io.skiff.repl.SqlLexer;
import io.skiff.repl.SqlLexer.Kind;
import io.skiff.repl.SqlLexer.Token;
import io.skiff.repl.command.ArgumentKind;
import io.skiff.repl.command.MetaCommand;
import io.skiff.repl.command.MetaCommands;
import io.skiff.repl.render.OutputFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes what is being typed from what it can be there:
 * <ul>
 *   <li>after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} and {@code TABLE}: table names;</li>
 *   <li>after {@code name.}: the columns and sampled attributes of that table or alias;</li>
 *   <li>elsewhere in a statement: keywords, functions, and the columns and sampled undeclared
 *       attributes of the tables the statement names (of all tables while it names none);</li>
 *   <li>at the start of a statement: the keywords that start one;</li>
 *   <li>after a backslash: shell commands, then their arguments (tables, files, formats, on/off).</li>
 * </ul>
 * Names that need quotes get them ({@code "order"}); keywords come in the case being typed.
 */
public final class SqlCompleter implements Completer {

    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE");

    private final Catalog catalog;
    private final MetaCommands commands;
    private final Supplier<SqlWords> words;
    private final Completer files = new FileNameCompleter();

    /** A completer of the names in {@code catalog}, of {@code commands} and of SQL's words. */
    public SqlCompleter(Catalog catalog, MetaCommands commands) {
        this(catalog, commands, () -> SqlWords.SQL);
    }

    /** A completer of the names in {@code catalog}, of {@code commands} and of the dialect now spoken. */
    public SqlCompleter(Catalog catalog, MetaCommands commands, Supplier<SqlWords> words) {
        this.catalog = catalog;
        this.commands = commands;
        this.words = words;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.line();
        int wordStart = line.cursor() - line.wordCursor();
        String word = line.word().substring(0, line.wordCursor());
        List<Token> before = new ArrayList<>();
        List<Token> statement = new ArrayList<>();
        Token command = null;
        for (Token token : SqlLexer.tokenize(text)) {
            if (token.kind() == Kind.META_COMMAND && token.start() <= wordStart && wordStart <= token.end()) {
                command = token;
            }
            boolean boundary = token.kind() == Kind.SEMICOLON || token.kind() == Kind.META_COMMAND;
            if (token.start() >= wordStart && boundary) {
                break;
            }
            if (boundary) {
                before.clear();
                statement.clear();
            } else if (token.significant()) {
                statement.add(token);
                if (token.end() <= wordStart) {
                    before.add(token);
                }
            }
        }
        if (command != null) {
            completeCommand(reader, line, command.text(text).substring(0, wordStart - command.start()), candidates);
        } else {
            completeSql(text, before, statement, word, candidates);
        }
    }

    // ---- shell commands -----------------------------------------------------------------------

    private void completeCommand(LineReader reader, ParsedLine line, String typedBefore, List<Candidate> candidates) {
        String[] words = typedBefore.strip().isEmpty() ? new String[0] : typedBefore.strip().split("\\s+");
        if (words.length == 0) {
            for (MetaCommand command : commands.all()) {
                String description = command.available() ? command.summary() : "not available yet";
                candidates.add(new Candidate(command.name(), command.name(), "commands", description, null, null, true));
                for (String alias : command.aliases()) {
                    candidates.add(new Candidate(alias, alias, "commands", description, null, null, true));
                }
            }
            return;
        }
        Optional<MetaCommand> command = commands.named(words[0]);
        if (command.isEmpty()) {
            return;
        }
        int argument = (int) Arrays.stream(words).skip(1).filter(w -> !w.startsWith("--")).count();
        ArgumentKind kind = command.get().argumentKind();
        switch (kind) {
            case TABLE -> tables(candidates, argument == 0);
            case TABLE_THEN_FILE -> {
                if (argument == 0) {
                    tables(candidates, true);
                } else if (argument == 1) {
                    files.complete(reader, line, candidates);
                }
            }
            case FILE -> {
                if (argument == 0) {
                    files.complete(reader, line, candidates);
                }
            }
            case FORMAT -> {
                if (argument == 0) {
                    for (OutputFormat format : OutputFormat.values()) {
                        candidates.add(new Candidate(format.userName(), format.userName(), "formats", null, null, null, true));
                    }
                }
            }
            case ON_OFF -> {
                if (argument == 0) {
                    candidates.add(new Candidate("on"));
                    candidates.add(new Candidate("off"));
                }
            }
            case DIALECT -> {
                if (argument == 0) {
                    candidates.add(new Candidate("sql"));
                    candidates.add(new Candidate("partiql"));
                }
            }
            case CONSISTENCY -> {
                if (argument == 0) {
                    candidates.add(new Candidate("eventual"));
                    candidates.add(new Candidate("strong"));
                }
            }
            default -> {
                // Nothing sensible to offer: a URL, a statement.
            }
        }
    }

    private void tables(List<Candidate> candidates, boolean wanted) {
        if (!wanted) {
            return;
        }
        for (String table : catalog.tables()) {
            // Commands take names as they are, quoted only when they hold white space.
            String value = table.chars().anyMatch(Character::isWhitespace) ? '"' + table + '"' : table;
            candidates.add(new Candidate(value, table, "tables", null, null, null, true));
        }
    }

    // ---- SQL --------------------------------------------------------------------------------

    /**
     * @param before    the statement's tokens before the word
     * @param statement all of the statement's tokens, also those after the cursor (where its
     *                  FROM may be)
     */
    private void completeSql(String text, List<Token> before, List<Token> statement, String word,
                             List<Candidate> candidates) {
        boolean lowerCase = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT))
                && word.chars().anyMatch(Character::isLetter);
        int dot = lastDotOutsideQuotes(word);
        if (dot >= 0) {
            String qualifier = word.substring(0, dot);
            String table = references(text, statement).getOrDefault(unquote(qualifier), unquote(qualifier));
            names(table, qualifier + ".", candidates);
            return;
        }
        if (before.isEmpty()) {
            words.get().statementStarts().forEach(keyword -> candidates.add(keyword(keyword, lowerCase)));
            return;
        }
        Token previous = before.get(before.size() - 1);
        if (previous.kind() == Kind.WORD && BEFORE_TABLE.contains(previous.text(text).toUpperCase(Locale.ROOT))) {
            for (String table : catalog.tables()) {
                candidates.add(new Candidate(Identifiers.forTyping(table), table, "tables", null, null, null, true));
            }
            return;
        }
        SqlWords dialect = words.get();
        dialect.keywords().forEach(keyword -> candidates.add(keyword(keyword, lowerCase)));
        for (String function : dialect.functions()) {
            String name = lowerCase ? function.toLowerCase(Locale.ROOT) : function;
            candidates.add(new Candidate(name + "(", name, "functions", null, null, null, false));
        }
        Set<String> tables = new LinkedHashSet<>(references(text, statement).values());
        if (tables.isEmpty()) {
            tables.addAll(catalog.tables());
        }
        tables.forEach(table -> names(table, "", candidates));
    }

    private static Candidate keyword(String keyword, boolean lowerCase) {
        String value = lowerCase ? keyword.toLowerCase(Locale.ROOT) : keyword;
        return new Candidate(value, value, "keywords", null, null, null, true);
    }

    /** The columns and sampled attributes of {@code table}, each after {@code prefix}. */
    private void names(String table, String prefix, List<Candidate> candidates) {
        Set<String> seen = new LinkedHashSet<>();
        for (Catalog.Column column : catalog.columns(table)) {
            if (seen.add(column.name())) {
                candidates.add(new Candidate(prefix + Identifiers.forTyping(column.name()), column.name(), "columns",
                        null, null, null, true));
            }
        }
        for (String attribute : catalog.attributes(table)) {
            if (seen.add(attribute)) {
                candidates.add(new Candidate(prefix + Identifiers.forTyping(attribute), attribute, "attributes",
                        "undeclared, seen in " + table, null, null, true));
            }
        }
    }

    /**
     * The tables the statement names, by the name or alias it refers to them by: {@code FROM
     * users u JOIN orders AS o} gives u, users, o and orders. Only names the catalog knows count.
     */
    private Map<String, String> references(String text, List<Token> tokens) {
        Set<String> known = new LinkedHashSet<>(catalog.tables());
        Map<String, String> references = new HashMap<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean opensTable = token.kind() == Kind.WORD && BEFORE_TABLE.contains(token.text(text).toUpperCase(Locale.ROOT));
            boolean listsTable = token.kind() == Kind.PUNCTUATION && token.text(text).equals(",");
            if (!opensTable && !listsTable) {
                continue;
            }
            Token name = tokens.get(i + 1);
            String table = name.kind() == Kind.QUOTED_IDENTIFIER ? unquote(name.text(text)) : name.text(text);
            if (!known.contains(table)) {
                continue;
            }
            references.put(table, table);
            int aliasAt = i + 2;
            if (aliasAt < tokens.size() && tokens.get(aliasAt).text(text).equalsIgnoreCase("AS")) {
                aliasAt++;
            }
            if (aliasAt < tokens.size() && tokens.get(aliasAt).kind() == Kind.WORD
                    && !SqlWords.isReserved(tokens.get(aliasAt).text(text))) {
                references.put(tokens.get(aliasAt).text(text), table);
            }
        }
        return references;
    }

    private static int lastDotOutsideQuotes(String word) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }
}
