package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageDemoTest {

    @TempDir
    Path dataDir;

    @Test
    void eachRunAddsAnEventThatLaterRunsStillSee() {
        String first = run();
        assertThat(first).contains("created table demo_events")
                .contains("DUPLICATE_ITEM (SQLState 23505)")
                .contains("{\"pk\":{\"S\":\"USER#1\"},\"sk\":{\"N\":\"1\"}");
        String second = run();
        assertThat(second).doesNotContain("created table")
                .contains("\"sk\":{\"N\":\"2\"}")
                .contains("\"sk\":{\"N\":\"1\"}");
        assertThat(second.indexOf("\"sk\":{\"N\":\"2\"},\"kind\"")).isLessThan(second.lastIndexOf("\"sk\":{\"N\":\"1\"}"));
    }

    private String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StorageDemo.run(dataDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
