package io.skiff.parser.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.parser.partiql.Position;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexStatementsTest {

    @Test
    void createWithOptionsKeepsNamesAndValuesAsWritten() {
        IndexStatement statement = IndexStatements.parse("create index if not exists \"By Name\" ON users"
                + " USING Trigram (name) WITH (Precision = 7, label = 'it''s', mode = fast, ratio = -0.5, on = TRUE);");
        assertThat(statement).isEqualTo(new IndexStatement.Create("By Name", "users", "trigram", "name",
                Map.of("precision", "7", "label", "it's", "mode", "fast", "ratio", "-0.5", "on", "true"), true,
                new Position(1, 1), new Position(1, 53)));
        assertThat(((IndexStatement.Create) statement).options().keySet())
                .containsExactly("precision", "label", "mode", "ratio", "on");
    }

    @Test
    void dropNamesTheTable() {
        assertThat(IndexStatements.parse("  DROP INDEX IF EXISTS by_name ON \"users\""))
                .isEqualTo(new IndexStatement.Drop("by_name", "users", true, new Position(1, 3)));
        assertThat(IndexStatements.parse("DROP INDEX by_name ON users"))
                .isEqualTo(new IndexStatement.Drop("by_name", "users", false, new Position(1, 1)));
    }

    @Test
    void recognisesIndexDdlOnly() {
        assertThat(IndexStatements.isIndexStatement("-- note\n  create   INDEX x")).isTrue();
        assertThat(IndexStatements.isIndexStatement("/* a */ DROP INDEX")).isTrue();
        assertThat(IndexStatements.isIndexStatement("CREATE TABLE t (k VARCHAR)")).isFalse();
        assertThat(IndexStatements.isIndexStatement("SELECT 'CREATE INDEX'")).isFalse();
        assertThat(IndexStatements.isIndexStatement("CREATE INDEXES")).isFalse();
    }

    @Test
    void mistakesArePositioned() {
        SkiffException missing = catchThrowableOfType(SkiffException.class,
                () -> IndexStatements.parse("CREATE INDEX i ON t (name)"));
        assertThat(missing.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(missing.getMessage()).contains("expected USING at line 1, column 21");

        SkiffException twice = catchThrowableOfType(SkiffException.class,
                () -> IndexStatements.parse("CREATE INDEX i ON t USING radix (a)\nWITH (k = 1, K = 2)"));
        assertThat(twice.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(twice.getMessage()).contains("'k' is given twice", "line 2, column 14");

        SkiffException unterminated = catchThrowableOfType(SkiffException.class,
                () -> IndexStatements.parse("DROP INDEX 'i ON t"));
        assertThat(unterminated.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(unterminated.getMessage()).contains("Unterminated string");

        assertThat(IndexStatements.parse("CREATE INDEX index ON on USING radix (using)"))
                .isEqualTo(new IndexStatement.Create("index", "on", "radix", "using", Map.of(), false,
                        new Position(1, 1), new Position(1, 32)));

        SkiffException dropWithoutTable = catchThrowableOfType(SkiffException.class,
                () -> IndexStatements.parse("DROP INDEX i"));
        assertThat(dropWithoutTable.getMessage()).contains("ON", "column 13");
    }
}
