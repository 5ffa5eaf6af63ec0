package io.skiff.repl.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

class PagersTest {

    private final Terminal terminal;

    PagersTest() throws Exception {
        terminal = new DumbTerminal(InputStream.nullInputStream(), new ByteArrayOutputStream());
    }

    @Test
    void skiffPagerWinsOverPagerWhichWinsOverLess() {
        assertThat(Pagers.choose(Map.of("SKIFF_PAGER", "more -d", "PAGER", "most"), terminal, name -> Optional.empty()))
                .get().isInstanceOfSatisfying(ExternalPager.class, pager -> assertThat(pager.command())
                        .containsExactly("more", "-d"));
        assertThat(Pagers.choose(Map.of("PAGER", "most"), terminal, name -> Optional.empty())).get()
                .isInstanceOfSatisfying(ExternalPager.class, pager -> assertThat(pager.command()).containsExactly("most"));
        assertThat(Pagers.choose(Map.of(), terminal, name -> Optional.of(Path.of("/usr/bin/less")))).get()
                .isInstanceOfSatisfying(ExternalPager.class, pager -> assertThat(pager.command())
                        .isEqualTo(Pagers.LESS));
    }

    @Test
    void anEmptyVariableMeansNoPagerAndNoLessMeansJLinesOwn() {
        assertThat(Pagers.choose(Map.of("PAGER", ""), terminal, name -> Optional.of(Path.of("/usr/bin/less")))).isEmpty();
        assertThat(Pagers.choose(Map.of(), terminal, name -> Optional.empty())).get().isInstanceOf(BuiltInPager.class);
    }

    @Test
    void anExternalPagerReadsTheTextOnItsInput() throws Exception {
        // cat stands in for less: it reads everything and exits, as less does when quit.
        ExternalPager pager = new ExternalPager(java.util.List.of("sh", "-c", "cat > /dev/null"),
                java.nio.charset.StandardCharsets.UTF_8);
        try (var out = pager.start()) {
            out.write("line\n".repeat(1000));
        }
        pager.finish();
    }
}
