package io.skiff.repl.render;

import static io.skiff.repl.render.ListRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerticalRendererTest {

    @Test
    void oneBlockPerRowWithLabelsAlignedAndValuesWhole() throws Exception {
        String longText = "y".repeat(120);
        String text = ListRows.of(List.of("pk", "name", "_doc"), row("u1", null, Map.of("note", longText)),
                row("u2", "Bo\nJo", Map.of())).renderWith(OutputFormat.VERTICAL.renderer(new Display(40, false)));
        assertThat(text).isEqualTo("-[ RECORD 1 ]-\n"
                + " pk   | u1\n"
                + " name | NULL\n"
                + " _doc | {\"note\":\"" + longText + "\"}\n"
                + "-[ RECORD 2 ]-\n"
                + " pk   | u2\n"
                + " name | Bo\\nJo\n"
                + " _doc | {}\n"
                + "(2 rows)\n");
    }

    @Test
    void noRowsIsJustTheCount() throws Exception {
        assertThat(ListRows.of(List.of("a")).renderWith(OutputFormat.VERTICAL.renderer())).isEqualTo("(0 rows)\n");
    }
}
