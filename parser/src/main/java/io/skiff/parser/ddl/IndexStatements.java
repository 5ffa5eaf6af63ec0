package io.skiff.parser.ddl;

import io.skiff.grammar.IndexDdlParser;
import io.skiff.grammar.IndexDdlSyntax;
import io.skiff.parser.partiql.Position;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Reads index DDL text into an {@link IndexStatement}. Failures are positioned
 * {@code SYNTAX_ERROR}s, and {@code VALIDATION_ERROR}s for an empty quoted name or an option
 * given twice.
 */
public final class IndexStatements {

    private IndexStatements() {
    }

    /** Whether the text is index DDL, which {@link #parse} reads (or rejects with a reason). */
    public static boolean isIndexStatement(String text) {
        return IndexDdlSyntax.isIndexDdl(text);
    }

    /** The statement the text holds. */
    public static IndexStatement parse(String text) {
        IndexDdlParser.StatementContext statement = IndexDdlSyntax.parse(text);
        if (statement.createIndex() != null) {
            return create(statement.createIndex());
        }
        IndexDdlParser.DropIndexContext drop = statement.dropIndex();
        return new IndexStatement.Drop(name(drop.index), name(drop.table), drop.EXISTS() != null, at(drop));
    }

    private static IndexStatement.Create create(IndexDdlParser.CreateIndexContext create) {
        Map<String, String> options = new LinkedHashMap<>();
        for (IndexDdlParser.OptionContext option : create.option()) {
            String key = name(option.key).toLowerCase(Locale.ROOT);
            if (options.put(key, value(option.optionValue())) != null) {
                throw at(option).invalid("Option '" + key + "' is given twice");
            }
        }
        return new IndexStatement.Create(name(create.index), name(create.table), name(create.plugin)
                .toLowerCase(Locale.ROOT), name(create.attribute), options, create.EXISTS() != null, at(create),
                at(create.plugin));
    }

    private static String value(IndexDdlParser.OptionValueContext value) {
        if (value.STRING() != null) {
            return unquote(value.STRING().getText(), '\'');
        }
        if (value.name() != null) {
            return name(value.name());
        }
        return value.getText().toLowerCase(Locale.ROOT); // a number (maybe negative), true or false
    }

    private static String name(IndexDdlParser.NameContext name) {
        if (name.QUOTED_IDENTIFIER() == null) {
            return name.getText();
        }
        String unquoted = unquote(name.getText(), '"');
        if (unquoted.isEmpty()) {
            throw at(name).invalid("A name may not be empty");
        }
        return unquoted;
    }

    private static String unquote(String text, char quote) {
        String inner = text.substring(1, text.length() - 1);
        return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    private static Position at(ParserRuleContext context) {
        return new Position(context.getStart().getLine(), context.getStart().getCharPositionInLine() + 1);
    }
}
