package io.skiff.repl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputFormatTest {

    @Test
    void formatsAreNamedInAnyCase() {
        assertThat(OutputFormat.named("csv")).isEqualTo(OutputFormat.CSV);
        assertThat(OutputFormat.named("JSONL")).isEqualTo(OutputFormat.JSONL);
        assertThat(OutputFormat.TABLE.userName()).isEqualTo("table");
    }

    @Test
    void anUnknownNameListsTheFormatsThereAre() {
        assertThatThrownBy(() -> OutputFormat.named("xml"))
                .hasMessage("unknown format 'xml'; expected one of table, vertical, csv, json, jsonl");
    }

    @Test
    void onlyTablesPutConfirmationsOnStandardOutput() {
        assertThat(OutputFormat.TABLE.confirmationsOnStdout()).isTrue();
        assertThat(OutputFormat.CSV.confirmationsOnStdout()).isFalse();
        assertThat(OutputFormat.JSON.confirmationsOnStdout()).isFalse();
        assertThat(OutputFormat.JSONL.confirmationsOnStdout()).isFalse();
    }
}
