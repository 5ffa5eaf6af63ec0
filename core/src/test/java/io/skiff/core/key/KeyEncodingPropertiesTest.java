package io.skiff.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Byte order of encodings equals value order, for every key type, and encodings round-trip. */
class KeyEncodingPropertiesTest {

    @Property(tries = 3000)
    void numberOrderIsByteOrder(@ForAll("numbers") NumberValue a, @ForAll("numbers") NumberValue b) {
        assertSameOrder(a.compareTo(b), a, b);
    }

    @Property(tries = 3000)
    void stringOrderIsByteOrder(@ForAll("strings") StringValue a, @ForAll("strings") StringValue b) {
        int valueOrder = Arrays.compareUnsigned(a.value().getBytes(StandardCharsets.UTF_8),
                b.value().getBytes(StandardCharsets.UTF_8));
        assertSameOrder(valueOrder, a, b);
    }

    @Property(tries = 3000)
    void binaryOrderIsByteOrder(@ForAll("binaries") BinaryValue a, @ForAll("binaries") BinaryValue b) {
        assertSameOrder(a.value().compareTo(b.value()), a, b);
    }

    @Property(tries = 2000)
    void valuesRoundTrip(@ForAll("keyValues") AttributeValue value) {
        ByteReader reader = new ByteReader(KeyEncoding.encode(value));
        assertThat(KeyEncoding.decode(reader, value.type())).isEqualTo(value);
        assertThat(reader.hasRemaining()).isFalse();
    }

    /** Self-delimiting: (partition, sort) pairs sort by partition first, whatever follows. */
    @Property(tries = 2000)
    void compositeKeysSortByFirstComponent(@ForAll("strings") StringValue p1, @ForAll("numbers") NumberValue s1,
                                           @ForAll("strings") StringValue p2, @ForAll("numbers") NumberValue s2) {
        ByteWriter left = new ByteWriter();
        KeyEncoding.encode(p1, left);
        KeyEncoding.encode(s1, left);
        ByteWriter right = new ByteWriter();
        KeyEncoding.encode(p2, right);
        KeyEncoding.encode(s2, right);
        int partitionOrder = Arrays.compareUnsigned(p1.value().getBytes(StandardCharsets.UTF_8),
                p2.value().getBytes(StandardCharsets.UTF_8));
        int expected = partitionOrder != 0 ? partitionOrder : s1.compareTo(s2);
        assertThat(Integer.signum(Arrays.compareUnsigned(left.toByteArray(), right.toByteArray())))
                .isEqualTo(Integer.signum(expected));
    }

    private static void assertSameOrder(int valueOrder, AttributeValue a, AttributeValue b) {
        int byteOrder = Arrays.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b));
        assertThat(Integer.signum(byteOrder)).as("byte order of %s vs %s", a, b).isEqualTo(Integer.signum(valueOrder));
    }

    @Provide
    Arbitrary<NumberValue> numbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(38).map(BigInteger::new),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(38).map(d -> new BigInteger(d).negate()));
        Arbitrary<Integer> scale = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 6),
                Arbitraries.integers().between(-88, 130));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new)
                .filter(KeyEncodingPropertiesTest::storable)
                .map(NumberValue::new)
                .edgeCases(config -> config.add(NumberValue.parse("0")).add(NumberValue.parse("1E-130"))
                        .add(NumberValue.parse("-1E-130")).add(NumberValue.parse("9.9999999999999999999999999999999999999E+125"))
                        .add(NumberValue.parse("-9.9999999999999999999999999999999999999E+125")));
    }

    private static boolean storable(BigDecimal value) {
        try {
            new NumberValue(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<StringValue> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab\u0000\u0001\u00ff").ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(12).filter(KeyEncodingPropertiesTest::wellFormed))
                .map(StringValue::new);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<BinaryValue> binaries() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().between((byte) -1, (byte) 1).array(byte[].class).ofMaxSize(6),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20))
                .map(bytes -> new BinaryValue(Bytes.of(bytes)));
    }

    @Provide
    Arbitrary<AttributeValue> keyValues() {
        return Arbitraries.oneOf(numbers(), strings(), binaries());
    }
}
