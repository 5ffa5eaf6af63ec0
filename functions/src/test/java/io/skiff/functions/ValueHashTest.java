package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical value bytes and hashes: equal values alike, different values apart, and stable. */
class ValueHashTest {

    @Test
    void equalValuesHashAlikeWhateverTheirSpellingOrOrder() {
        assertThat(ValueHash.of(AttributeValue.n("1.5"))).isEqualTo(ValueHash.of(AttributeValue.n("1.50")))
                .isEqualTo(ValueHash.of(AttributeValue.n("15E-1")));
        assertThat(ValueHash.of(AttributeValue.ss("a", "b"))).isEqualTo(ValueHash.of(AttributeValue.ss("b", "a")));
        assertThat(ValueHash.of(AttributeValue.ns("1", "2.0"))).isEqualTo(ValueHash.of(AttributeValue.ns("2", "1")));
        assertThat(ValueHash.of(AttributeValue.m(Map.of("x", AttributeValue.n(1), "y", AttributeValue.ss("p", "q")))))
                .isEqualTo(ValueHash.of(AttributeValue.m(Map.of("y", AttributeValue.ss("q", "p"), "x", AttributeValue.n("1.0")))));
        // Different values, different bytes: types, list order and nesting all count.
        List<AttributeValue> distinct = List.of(AttributeValue.s("1"), AttributeValue.n(1), AttributeValue.b(new byte[] {'1'}),
                AttributeValue.ss("1"), AttributeValue.ns("1"), AttributeValue.l(AttributeValue.s("1")),
                AttributeValue.l(AttributeValue.s("a"), AttributeValue.s("b")), AttributeValue.l(AttributeValue.s("b"), AttributeValue.s("a")),
                AttributeValue.l(AttributeValue.s("ab")), AttributeValue.bool(true), AttributeValue.s("BOOL:true"),
                AttributeValue.nul(), AttributeValue.s(""), AttributeValue.l(), AttributeValue.m(Map.of()),
                AttributeValue.s("a\uD800"), AttributeValue.s("a?"));
        assertThat(distinct.stream().map(v -> HexFormat.of().formatHex(ValueBytes.canonical(v))).distinct())
                .hasSize(distinct.size());
        // Strings as UTF-8, the hash as it was before it moved here (estimators count alike).
        assertThat(ValueBytes.utf8("aé🚀")).isEqualTo("aé🚀".getBytes(StandardCharsets.UTF_8));
        assertThat(ValueBytes.utf8("\uD800")).containsExactly(0xED, 0xA0, 0x80);
        assertThat(ValueHash.of(AttributeValue.s("user#1"))).isEqualTo(fnvThenMix("S:user#1"));
        assertThat(ValueHash.of(AttributeValue.n("42.0"))).isEqualTo(fnvThenMix("N:42"));
    }

    private static long fnvThenMix(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return ValueHash.mix(hash);
    }
}
