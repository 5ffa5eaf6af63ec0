package io.skiff.repl.render;

import static io.skiff.repl.render.ListRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvRendererTest {

    private static String render(List<String> columns, Object[]... rows) throws Exception {
        return ListRows.of(columns, rows).renderWith(new CsvRenderer());
    }

    @Test
    void aHeaderLineThenOneLinePerRowEndingInCrLf() throws Exception {
        assertThat(render(List.of("pk", "n"), row("a", 1), row("b", new BigDecimal("2.50"))))
                .isEqualTo("pk,n\r\na,1\r\nb,2.50\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() throws Exception {
        assertThat(render(List.of("a,b", "q"), row("x,y", "say \"hi\""), row("two\nlines", "cr\r")))
                .isEqualTo("\"a,b\",q\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"cr\r\"\r\n");
    }

    @Test
    void nullIsAnEmptyFieldAndTheEmptyStringIsQuoted() throws Exception {
        assertThat(render(List.of("a", "b", "c"), row(null, "", " "))).isEqualTo("a,b,c\r\n,\"\", \r\n");
    }

    @Test
    void nestedValuesAreJsonAndQuotedBecauseTheyHoldCommasAndQuotes() throws Exception {
        assertThat(render(List.of("m"), row(Map.of("k", List.of(1, 2))))).isEqualTo("m\r\n\"{\"\"k\"\":[1,2]}\"\r\n");
    }

    @Test
    void anEmptyResultIsJustTheHeader() throws Exception {
        assertThat(render(List.of("pk"))).isEqualTo("pk\r\n");
    }
}
