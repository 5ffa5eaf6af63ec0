package io.skiff.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTest {

    private static final Item ITEM = Item.builder()
            .put("a", AttributeValue.m(Map.of(
                    "b", AttributeValue.l(AttributeValue.n(10), AttributeValue.n(11),
                            AttributeValue.m(Map.of("c", AttributeValue.s("deep")))))))
            .s("tags", "not a list")
            .put("list", AttributeValue.l(AttributeValue.s("x"), AttributeValue.s("y")))
            .s("a.b", "dotted")
            .build();

    @Test
    void parsesNamesAndIndexes() {
        Path path = Path.parse("a.b[2].c");

        assertThat(path.elements()).containsExactly(
                new PathElement.Name("a"), new PathElement.Name("b"),
                new PathElement.Index(2), new PathElement.Name("c"));
        assertThat(path.topName()).isEqualTo("a");
        assertThat(path.isTopLevel()).isFalse();
    }

    @Test
    void parsesTopLevelAndIndexOnlySuffixes() {
        assertThat(Path.parse("tags[0]").elements())
                .containsExactly(new PathElement.Name("tags"), new PathElement.Index(0));
        assertThat(Path.parse("m[1][2]").elements()).hasSize(3);
        assertThat(Path.parse("x").isTopLevel()).isTrue();
        assertThat(Path.parse("first-name_2").topName()).isEqualTo("first-name_2");
        assertThat(Path.parse("größe").topName()).isEqualTo("größe");
    }

    @Test
    void quotedNamesMayContainAnyCharacter() {
        assertThat(Path.parse("\"a.b\"")).isEqualTo(Path.attribute("a.b"));
        assertThat(Path.parse("\"say \"\"hi\"\"\".x"))
                .isEqualTo(Path.attribute("say \"hi\"").child("x"));
        assertThat(Path.parse("m.\"[0]\"").elements().get(1)).isEqualTo(new PathElement.Name("[0]"));
    }

    @Test
    void buildsThePathsItParses() {
        assertThat(Path.attribute("a").child("b").index(2).child("c")).isEqualTo(Path.parse("a.b[2].c"));
        assertThat(Path.of(List.of(new PathElement.Name("a"), new PathElement.Index(1))))
                .isEqualTo(Path.parse("a[1]"));
        assertThat(Path.parse("a.b").hashCode()).isEqualTo(Path.attribute("a").child("b").hashCode());
        assertThat(Path.parse("a.b")).isNotEqualTo(Path.attribute("a.b"));
    }

    @Test
    void rendersParseableText() {
        assertThat(Path.parse("a.b[2].c")).hasToString("a.b[2].c");
        assertThat(Path.attribute("a.b").child("x y").index(0)).hasToString("\"a.b\".\"x y\"[0]");
        assertThat(Path.attribute("q\"uote")).hasToString("\"q\"\"uote\"");
        assertThat(Path.parse("a[007]")).hasToString("a[7]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a..b   | position 3",
            "a[     | position 3",
            "a[x]   | position 3",
            "[1]    | position 1",
            "a[-1]  | position 3",
            "a.     | position 3",
            "a[1    | position 4",
            "a]     | position 2",
            "a b    | position 2",
            ".a     | position 1",
            "a.#n   | position 3",
            "\"ab   | position 1",
            "a.\"\"  | position 3",
            "a[99999999999] | position 3",
    })
    void rejectsInvalidTextNamingThePosition(String text, String position) {
        assertThatThrownBy(() -> Path.parse(text))
                .isInstanceOfSatisfying(SkiffException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(position);
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> Path.parse(""))
                .isInstanceOf(SkiffException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsInvalidElements() {
        assertThatThrownBy(() -> Path.attribute("")).isInstanceOf(SkiffException.class);
        assertThatThrownBy(() -> Path.parse("a").index(-1))
                .isInstanceOf(SkiffException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> Path.of(List.of(new PathElement.Index(0))))
                .isInstanceOf(SkiffException.class).hasMessageContaining("must start with an attribute name");
        assertThatThrownBy(() -> Path.of(List.of())).isInstanceOf(SkiffException.class);
    }

    @Test
    void limitsNestingTo32Levels() {
        String deepest = "a" + ".b".repeat(Path.MAX_DEPTH - 1);

        assertThat(Path.parse(deepest).elements()).hasSize(Path.MAX_DEPTH);
        assertThatThrownBy(() -> Path.parse(deepest + ".c"))
                .isInstanceOf(SkiffException.class).hasMessageContaining("nesting levels");
        assertThatThrownBy(() -> Path.parse(deepest).index(0))
                .isInstanceOf(SkiffException.class).hasMessageContaining("nesting levels");
    }

    @Test
    void resolvesNestedValues() {
        assertThat(Path.parse("a.b[2].c").resolve(ITEM)).contains(AttributeValue.s("deep"));
        assertThat(Path.parse("a.b[1]").resolve(ITEM)).contains(AttributeValue.n(11));
        assertThat(Path.parse("list[0]").resolve(ITEM)).contains(AttributeValue.s("x"));
        assertThat(Path.attribute("a.b").resolve(ITEM)).contains(AttributeValue.s("dotted"));
    }

    @Test
    void resolvesToEmptyWhenMissingOrShapeDoesNotFit() {
        assertThat(Path.parse("missing").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("missing.x").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("a.b[3]").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("a.x").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("a[0]").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("a.b.c").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("tags[0]").resolve(ITEM)).isEmpty();
        assertThat(Path.parse("a").resolve(Item.empty())).isEmpty();
    }

    @Test
    void startsWithComparesWholeElements() {
        assertThat(Path.parse("a.b[1]").startsWith(Path.parse("a.b"))).isTrue();
        assertThat(Path.parse("a.b").startsWith(Path.parse("a.b"))).isTrue();
        assertThat(Path.parse("a.bc").startsWith(Path.parse("a.b"))).isFalse();
        assertThat(Path.parse("a").startsWith(Path.parse("a.b"))).isFalse();
    }
}
