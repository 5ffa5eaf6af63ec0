package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** String literals hold any Unicode text, not only Latin-1. */
class UnicodeLiteralTest extends SqlFixture {

    @Test
    void literalsOutsideLatin1AreStoredComparedAndReturned() {
        update("CREATE TABLE notes (pk VARCHAR, body VARCHAR, PRIMARY KEY (pk))");
        update("INSERT INTO notes (pk, body, mood) VALUES ('ação', '日本語 😀', 'ünïcødé ✓')");

        assertThat(query("SELECT pk, body, mood FROM notes WHERE pk = 'ação'"))
                .containsExactly(List.of("ação", "日本語 😀", "ünïcødé ✓"));
        assertThat(query("SELECT pk FROM notes WHERE body = '日本語 😀' AND mood LIKE 'ünï%'"))
                .containsExactly(List.of("ação"));
        assertThat(query("SELECT CHAR_LENGTH(pk), UPPER('ção') FROM notes"))
                .containsExactly(List.of(4, "ÇÃO"));
    }
}
