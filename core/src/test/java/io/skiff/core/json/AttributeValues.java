package io.skiff.core.json;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for random items and values of every type, nested to a bounded depth. */
final class AttributeValues {

    private static final BigInteger MAX_UNSCALED = BigInteger.TEN.pow(NumberValue.MAX_PRECISION).subtract(BigInteger.ONE);

    private AttributeValues() {
    }

    /** Items of up to 6 attributes whose values nest at most {@code depth} lists and maps deep. */
    static Arbitrary<Item> items(int depth) {
        return Arbitraries.maps(names(), values(depth)).ofMaxSize(6).map(Item::of);
    }

    /** Values of every type; lists and maps nest at most {@code depth} levels deep. */
    static Arbitrary<AttributeValue> values(int depth) {
        Arbitrary<AttributeValue> scalarsAndSets = Arbitraries.<AttributeValue>oneOf(
                strings().map(AttributeValue::s),
                numbers(),
                bytes().map(BinaryValue::new),
                Arbitraries.of(true, false).map(AttributeValue::bool),
                Arbitraries.just(AttributeValue.nul()),
                strings().set().ofMinSize(1).ofMaxSize(5).map(AttributeValue::ss),
                numbers().set().ofMinSize(1).ofMaxSize(5).map(NumberSetValue::of),
                bytes().set().ofMinSize(1).ofMaxSize(5).map(AttributeValue::bs));
        if (depth == 0) {
            return scalarsAndSets;
        }
        Arbitrary<AttributeValue> nested = values(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalarsAndSets),
                Tuple.of(1, nested.list().ofMaxSize(4).map(AttributeValue::l)),
                Tuple.of(1, Arbitraries.maps(names(), nested).ofMaxSize(4).map(AttributeValue::m)));
    }

    /** Any names, including empty ones and ones that need escaping in JSON. */
    static Arbitrary<String> names() {
        return Arbitraries.oneOf(strings(), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8));
    }

    /** Any text: control characters, quotes, backslashes, non-BMP characters and lone surrogates. */
    static Arbitrary<String> strings() {
        return Arbitraries.strings().all().ofMaxLength(12);
    }

    /**
     * Numbers across the whole supported range: 1 to 38 digits, exponents from -130 to +125, and
     * the edges of the range.
     */
    static Arbitrary<NumberValue> numbers() {
        // With at most 38 digits, any scale in [-88, 129] keeps the exponent in [-130, 125].
        Arbitrary<NumberValue> anywhere = Combinators.combine(
                        Arbitraries.bigIntegers().between(MAX_UNSCALED.negate(), MAX_UNSCALED),
                        Arbitraries.integers().between(-88, 129))
                .as((unscaled, scale) -> new NumberValue(new BigDecimal(unscaled, scale)));
        Arbitrary<NumberValue> ordinary = Arbitraries.longs().map(AttributeValue::n);
        Arbitrary<NumberValue> edges = Arbitraries.of("0", "1E+125", "-9.9999999999999999999999999999999999999E+125",
                "1E-130", "-1E-130", "0.000001", "123456789012345678901234567890.12345678").map(NumberValue::parse);
        return Arbitraries.frequencyOf(
                Tuple.of(4, anywhere), Tuple.of(4, ordinary), Tuple.of(1, edges));
    }

    static Arbitrary<Bytes> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(Bytes::of);
    }
}
