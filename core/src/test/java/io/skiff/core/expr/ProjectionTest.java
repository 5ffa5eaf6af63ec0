package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectionTest {

    private static final AttributeValue A_B = l(n(2), n(4), m(Map.of("x", s("hi"), "y", s("yo"))));
    private static final Item ITEM = Item.builder()
            .s("p", "key")
            .put("a", m(Map.of("b", A_B, "c", n(5))))
            .s("b", "hello")
            .s("a.b", "dotted")
            .build();

    private static Item project(String... paths) {
        return Projection.of(Arrays.stream(paths).map(Path::parse).toList()).apply(ITEM);
    }

    @Test
    void topLevelPathsCopyWholeAttributes() {
        assertThat(project("a", "b")).isEqualTo(Item.builder().put("a", ITEM.get("a")).s("b", "hello").build());
        assertThat(Projection.of(List.of(Path.attribute("a.b"))).apply(ITEM))
                .isEqualTo(Item.builder().s("a.b", "dotted").build());
    }

    @Test
    void nestedPathsKeepTheirEnclosingStructure() {
        assertThat(project("a.b")).isEqualTo(Item.builder().put("a", m(Map.of("b", A_B))).build());
        assertThat(project("a.b[0]")).isEqualTo(Item.builder().put("a", m(Map.of("b", l(n(2))))).build());
        assertThat(project("a.b[2].y")).isEqualTo(
                Item.builder().put("a", m(Map.of("b", l(m(Map.of("y", s("yo"))))))).build());
    }

    @Test
    void pathsMergeAndListElementsKeepTheirOrder() {
        assertThat(project("a.b[2].x", "a.b[0]", "a.c")).isEqualTo(Item.builder()
                .put("a", m(Map.of("b", l(n(2), m(Map.of("x", s("hi")))), "c", n(5))))
                .build());
        assertThat(project("a.c", "b")).isEqualTo(
                Item.builder().put("a", m(Map.of("c", n(5)))).s("b", "hello").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "a.b[3]", "a.x", "a.x.y", "a.b[3].x", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]"})
    void pathsThatResolveToNothingAreLeftOut(String path) {
        assertThat(project(path)).isEqualTo(Item.empty());
        assertThat(project(path, "p")).isEqualTo(Item.builder().s("p", "key").build());
    }

    @Test
    void projectingTheEmptyItemGivesTheEmptyItem() {
        assertThat(Projection.of(List.of(Path.parse("a.b"))).apply(Item.empty())).isEqualTo(Item.empty());
    }

    @Test
    void rejectsOverlappingOrConflictingPaths() {
        assertValidationError(() -> project("a.b[0]", "a.b[0]"), "overlap");
        assertValidationError(() -> project("a", "a.b[0]"), "overlap", "path one: a", "path two: a.b[0]");
        assertValidationError(() -> project("a.b", "a[1]"), "conflict");
    }

    @Test
    void rejectsAnEmptyProjection() {
        assertValidationError(() -> Projection.of(List.of()), "at least one");
    }

    @Test
    void hasValueEqualityAndText() {
        Projection projection = Projection.of(List.of(Path.parse("a.b[1]"), Path.attribute("x y")));

        assertThat(projection).isEqualTo(Projection.of(List.of(Path.parse("a.b[1]"), Path.parse("\"x y\""))));
        assertThat(projection).hasToString("a.b[1], \"x y\"");
        assertThat(projection.paths()).containsExactly(Path.parse("a.b[1]"), Path.attribute("x y"));
    }
}
