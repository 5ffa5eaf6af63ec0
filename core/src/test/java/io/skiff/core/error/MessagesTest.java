package io.skiff.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void quotesShortTextWhole() {
        assertThat(Messages.quote("USER#1")).isEqualTo("'USER#1'");
        assertThat(Messages.quote("")).isEqualTo("''");
    }

    @Test
    void cutsLongTextShort() {
        String quoted = Messages.quote("x".repeat(1000));

        assertThat(quoted).isEqualTo("'" + "x".repeat(57) + "...'");
    }

    @Test
    void keepsTextOfExactlyTheLimit() {
        String text = "y".repeat(Messages.MAX_QUOTED_CHARS);

        assertThat(Messages.abbreviate(text)).isEqualTo(text);
    }

    @Test
    void neverSplitsASurrogatePair() {
        // 56 ASCII characters, then an emoji whose high surrogate would be the last kept char.
        String text = "a".repeat(56) + "\uD83D\uDE00" + "b".repeat(20);

        assertThat(Messages.abbreviate(text)).isEqualTo("a".repeat(56) + "...");
    }
}
