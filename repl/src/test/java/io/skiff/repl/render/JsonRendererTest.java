package io.skiff.repl.render;

import static io.skiff.repl.render.ListRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private static String render(boolean lines, List<String> columns, Object[]... rows) throws Exception {
        return ListRows.of(columns, rows).renderWith(new JsonRenderer(lines));
    }

    @Test
    void jsonIsOneArrayWithOneRowObjectPerLine() throws Exception {
        assertThat(render(false, List.of("pk", "n"), row("a", 1), row("b", null))).isEqualTo("""
                [
                  {"pk":"a","n":1},
                  {"pk":"b","n":null}
                ]
                """);
    }

    @Test
    void anEmptyResultIsAnEmptyArrayOrNoLines() throws Exception {
        assertThat(render(false, List.of("pk"))).isEqualTo("[]\n");
        assertThat(render(true, List.of("pk"))).isEmpty();
    }

    @Test
    void jsonLinesIsOneObjectPerLine() throws Exception {
        assertThat(render(true, List.of("pk"), row("a"), row("b"))).isEqualTo("{\"pk\":\"a\"}\n{\"pk\":\"b\"}\n");
    }

    @Test
    void valuesKeepTheirJsonTypesAndEveryDigit() throws Exception {
        LinkedHashSet<String> set = new LinkedHashSet<>(List.of("x", "y"));
        assertThat(render(true, List.of("d", "big", "f", "ok", "bin", "m", "ss"),
                row(new BigDecimal("12345678901234567890.000000000001"), new BigDecimal("1E+3"), 0.1f, true,
                        new byte[] {1, 2, 3}, Map.of("loc", Map.of("lat", 1.5)), set)))
                .isEqualTo("{\"d\":12345678901234567890.000000000001,\"big\":1000,\"f\":0.1,\"ok\":true,"
                        + "\"bin\":\"AQID\",\"m\":{\"loc\":{\"lat\":1.5}},\"ss\":[\"x\",\"y\"]}\n");
    }

    @Test
    void stringsAreEscapedButUnicodeStaysReadable() throws Exception {
        assertThat(render(true, List.of("s"), row("Zoë \"quoted\"\n日本"))).isEqualTo("{\"s\":\"Zoë \\\"quoted\\\"\\n日本\"}\n");
    }
}
