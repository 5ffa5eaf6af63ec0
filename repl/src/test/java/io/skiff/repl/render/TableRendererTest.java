package io.skiff.repl.render;

import static io.skiff.repl.render.ListRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {

    private static String render(List<String> columns, Object[]... rows) throws Exception {
        return ListRows.of(columns, rows).renderWith(new TableRenderer());
    }

    @Test
    void alignsColumnsUnderAHeaderWithARowCountFooter() throws Exception {
        assertThat(render(List.of("pk", "n", "name"),
                row("USER#1", 42L, "Ova"),
                row("USER#22", 7, "Jo"))).isEqualTo("""
                 pk      | n  | name
                ---------+----+------
                 USER#1  | 42 | Ova
                 USER#22 |  7 | Jo
                (2 rows)
                """);
    }

    @Test
    void nullReadsNullAndOneRowIsSingular() throws Exception {
        assertThat(render(List.of("a", "b"), row(null, "x"))).isEqualTo("""
                 a    | b
                ------+---
                 NULL | x
                (1 row)
                """);
    }

    @Test
    void anEmptyResultStillShowsItsColumns() throws Exception {
        assertThat(render(List.of("pk", "sk"))).isEqualTo("""
                 pk | sk
                ----+----
                (0 rows)
                """);
    }

    @Test
    void mapsAndListsAreCompactJsonBinaryIsBase64DecimalsArePlain() throws Exception {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Santos");
        address.put("tags", List.of("a", 1, true));
        address.put("none", null);
        assertThat(render(List.of("m", "b", "d"),
                row(address, "hi".getBytes(StandardCharsets.UTF_8), new BigDecimal("1E+3")))).isEqualTo("""
                 m                                                 | b    | d
                ---------------------------------------------------+------+------
                 {"city":"Santos","tags":["a",1,true],"none":null} | aGk= | 1000
                (1 row)
                """);
    }

    @Test
    void wideCharactersCountTwoColumnsAndCombiningMarksNone() throws Exception {
        assertThat(render(List.of("name", "n"),
                row("日本", 1),
                row("e\u0301t\u00e9", 2),
                row("abcdef", 3))).isEqualTo("""
                 name   | n
                --------+---
                 日本   | 1
                 e\u0301té    | 2
                 abcdef | 3
                (3 rows)
                """);
        assertThat(TableRenderer.displayWidth("日本")).isEqualTo(4);
        assertThat(TableRenderer.displayWidth("e\u0301")).isEqualTo(1);
    }

    @Test
    void controlCharactersAreEscapedSoRowsStayOneLine() throws Exception {
        assertThat(render(List.of("text"), row("a\nb\tc\u0007"))).isEqualTo("""
                 text
                ---------------
                 a\\nb\\tc\\u0007
                (1 row)
                """);
    }

    @Test
    void onANarrowDisplayTheWidestColumnsAreCutWithAnEllipsis() throws Exception {
        String wide = "x".repeat(50);
        String table = ListRows.of(List.of("pk", "doc", "n"), row("u1", wide, 7), row("u2", "short", 8))
                .renderWith(new TableRenderer(new Display(30, false)));
        assertThat(table).isEqualTo("""
                 pk | doc                 | n
                ----+---------------------+---
                 u1 | xxxxxxxxxxxxxxxxxx… | 7
                 u2 | short               | 8
                (2 rows)
                """);
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void fittingCutsOnlyTheColumnsAboveTheLevelAndNeverBelowTheMinimum() {
        assertThat(TableRenderer.fit(new int[] {2, 40, 30}, 40)).containsExactly(2, 15, 15);
        assertThat(TableRenderer.fit(new int[] {2, 5, 3}, 10)).containsExactly(2, 5, 3);
        assertThat(TableRenderer.fit(new int[] {20, 20}, 5)).containsExactly(TableRenderer.MIN_WIDTH,
                TableRenderer.MIN_WIDTH);
        assertThat(TableRenderer.fit(new int[] {200}, 0)).containsExactly(200);
    }

    @Test
    void onAStyledDisplayNullIsFaintAndTheTextNullIsNot() throws Exception {
        String table = ListRows.of(List.of("a", "b"), row(null, "NULL"))
                .renderWith(new TableRenderer(new Display(80, true)));
        assertThat(table).contains("\u001B[2mNULL\u001B[0m | NULL");
    }
}
