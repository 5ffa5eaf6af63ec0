package io.skiff.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PathPropertiesTest {

    @Property
    void textRoundTrips(@ForAll("paths") Path path) {
        assertThat(Path.parse(path.toString())).isEqualTo(path);
    }

    @Provide
    Arbitrary<Path> paths() {
        // Names mix plain characters with every character the path syntax gives a meaning to.
        Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(6)
                .withChars("ab_-.[]\" #é1").withCharRange('\u4e00', '\u4e05');
        Arbitrary<PathElement> elements = Arbitraries.oneOf(
                names.map(PathElement.Name::new),
                Arbitraries.integers().between(0, 1_000_000).map(PathElement.Index::new));
        return names.flatMap(first -> elements.list().ofMaxSize(Path.MAX_DEPTH - 1).map(rest -> {
            Path path = Path.attribute(first);
            for (PathElement element : rest) {
                path = element instanceof PathElement.Name name
                        ? path.child(name.name())
                        : path.index(((PathElement.Index) element).index());
            }
            return path;
        }));
    }
}
