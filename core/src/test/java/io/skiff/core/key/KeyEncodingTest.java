package io.skiff.core.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyEncodingTest {

    @Test
    void numbersSortNumericallyAcrossSignsAndMagnitudes() {
        List<String> ascending = List.of("-1E+125", "-100", "-10", "-9.5", "-1", "-0.5", "-0.05", "-1E-130",
                "0", "1E-130", "0.001", "0.1", "0.12", "0.123", "1", "1.5", "2", "10", "99", "100", "1E+125");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            byte[] lower = KeyEncoding.encode(AttributeValue.n(ascending.get(i)));
            byte[] higher = KeyEncoding.encode(AttributeValue.n(ascending.get(i + 1)));
            assertThat(Arrays.compareUnsigned(lower, higher)).as(ascending.get(i) + " < " + ascending.get(i + 1))
                    .isNegative();
        }
    }

    @Test
    void equalNumbersEncodeIdentically() {
        assertThat(KeyEncoding.encode(AttributeValue.n("1.50"))).isEqualTo(KeyEncoding.encode(AttributeValue.n("1.5")));
        assertThat(KeyEncoding.encode(AttributeValue.n("-0.0"))).isEqualTo(KeyEncoding.encode(AttributeValue.n("0")));
    }

    @Test
    void stringKeysWithZeroBytesStayOrderedAndDelimited() {
        byte[] a = KeyEncoding.encode(AttributeValue.s("a"));
        byte[] aZero = KeyEncoding.encode(AttributeValue.s("a\u0000"));
        byte[] ab = KeyEncoding.encode(AttributeValue.s("ab"));
        assertThat(Arrays.compareUnsigned(a, aZero)).isNegative();
        assertThat(Arrays.compareUnsigned(aZero, ab)).isNegative();
        assertThat(KeyEncoding.decode(new ByteReader(aZero), AttributeType.S)).isEqualTo(AttributeValue.s("a\u0000"));
    }

    @Test
    void rejectsNonKeyTypes() {
        assertThatThrownBy(() -> KeyEncoding.encode(AttributeValue.bool(true)))
                .isInstanceOf(SkiffException.class)
                .hasMessageContaining("S, N or B")
                .extracting(e -> ((SkiffException) e).code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> KeyEncoding.encode(AttributeValue.s("x\uD800y")))
                .isInstanceOf(SkiffException.class)
                .hasMessageContaining("unpaired surrogate at index 1");
    }

    @Test
    void truncatedDataIsReportedAsCorrupt() {
        byte[] encoded = KeyEncoding.encode(AttributeValue.s("abc"));
        ByteReader truncated = new ByteReader(encoded, 0, encoded.length - 1);
        assertThatThrownBy(() -> KeyEncoding.decode(truncated, AttributeType.S))
                .isInstanceOf(SkiffException.class)
                .extracting(e -> ((SkiffException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR);
    }
}
