package io.skiff.repl.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvocationTest {

    @Test
    void wordsQuotesAndATrailingSemicolon() throws Exception {
        Invocation invocation = Invocation.parse("\\import users 'my file.csv' \"it\"\"s\" --stop-on-error;");
        assertThat(invocation.name()).isEqualTo("\\import");
        assertThat(invocation.arguments()).containsExactly("users", "my file.csv", "it\"s", "--stop-on-error");
        assertThat(invocation.positional()).containsExactly("users", "my file.csv", "it\"s");
        assertThat(invocation.option("stop-on-error")).isTrue();
        assertThat(invocation.rawArguments()).isEqualTo("users 'my file.csv' \"it\"\"s\" --stop-on-error");
    }

    @Test
    void optionValuesAndUnknownOptions() throws Exception {
        Invocation invocation = Invocation.parse("\\import t f.csv --batch-size=10");
        assertThat(invocation.optionValue("batch-size")).contains("10");
        invocation.onlyOptions("batch-size");
        assertThatThrownBy(() -> invocation.onlyOptions("stop-on-error"))
                .hasMessage("Unknown option --batch-size of \\import");
    }

    @Test
    void usageWhenTheCountIsWrongAndAnUnclosedQuote() throws Exception {
        assertThatThrownBy(() -> Invocation.parse("\\d a b").expect(0, 1, "[TABLE]")).hasMessage("Usage: \\d [TABLE]");
        assertThatThrownBy(() -> Invocation.parse("\\i 'x")).hasMessage("Unterminated quote ' in the arguments");
        assertThat(Invocation.parse("\\x").arguments()).isEmpty();
    }
}
