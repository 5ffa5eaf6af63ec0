package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SkiffHomeTest {

    @Test
    void withoutSkiffHomeItIsDotSkiffInTheUsersHome() {
        SkiffHome home = SkiffHome.of(null, "/home/ova");
        assertThat(home.dir()).isEqualTo(Path.of("/home/ova/.skiff"));
        assertThat(home.dataDir()).isEqualTo(Path.of("/home/ova/.skiff/data"));
        assertThat(home.historyFile()).isEqualTo(Path.of("/home/ova/.skiff_history"));
        assertThat(home.defaultUrl()).isEqualTo("jdbc:skiff:file:/home/ova/.skiff/data");
        assertThat(SkiffHome.of("  ", "/home/ova")).isEqualTo(home);
    }

    @Test
    void skiffHomeWins() {
        SkiffHome home = SkiffHome.of("/srv/skiff", "/home/ova");
        assertThat(home.defaultUrl()).isEqualTo("jdbc:skiff:file:/srv/skiff/data");
        assertThat(home.historyFile()).isEqualTo(Path.of("/srv/skiff/history"));
    }

    @Test
    void skiffHistoryNamesTheHistoryFileWhateverTheHome() {
        assertThat(SkiffHome.of(null, "/tmp/h", "/home/ova").historyFile()).isEqualTo(Path.of("/tmp/h"));
        assertThat(SkiffHome.of("/srv/skiff", "/tmp/h", "/home/ova").historyFile()).isEqualTo(Path.of("/tmp/h"));
        assertThat(SkiffHome.of("/srv/skiff", "", "/home/ova").historyFile()).isEqualTo(Path.of("/srv/skiff/history"));
    }
}
