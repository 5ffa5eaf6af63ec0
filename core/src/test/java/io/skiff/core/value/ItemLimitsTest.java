package io.skiff.core.value;

import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemLimitsTest {

    @Test
    void defaultLimitIs400KiB() {
        assertThat(ItemLimits.DEFAULT.maxItemBytes()).isEqualTo(409_600);
        assertThat(ItemLimits.MAX_NESTING_DEPTH).isEqualTo(32);
    }

    @Test
    void acceptsAnItemOfExactlyTheLimit() {
        // "d" (1 byte) + 409599 bytes of text
        Item item = Item.builder().s("d", "x".repeat(409_599)).build();

        assertThatCode(() -> ItemLimits.DEFAULT.check(item)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnItemOneByteOverTheLimit() {
        Item item = Item.builder().s("d", "x".repeat(409_600)).build();

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.ITEM_TOO_LARGE);
        assertThat(e).hasMessage("Item size 409601 bytes exceeds the limit of 409600 bytes");
    }

    @Test
    void limitIsConfigurable() {
        ItemLimits small = new ItemLimits(10);
        Item item = Item.builder().s("name", "abcdefg").build();

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> small.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.ITEM_TOO_LARGE);
        assertThat(e).hasMessage("Item size 11 bytes exceeds the limit of 10 bytes");
        assertThatCode(() -> new ItemLimits(11).check(item)).doesNotThrowAnyException();
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemLimits(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ItemLimits(-1));
    }

    @Test
    void acceptsNestingOfExactly32Levels() {
        Item item = Item.of(Map.of("deep", nestedMaps(32)));

        assertThatCode(() -> ItemLimits.DEFAULT.check(item)).doesNotThrowAnyException();
    }

    @Test
    void rejectsNestingOf33LevelsWithThePath() {
        Item item = Item.of(Map.of("deep", nestedMaps(33)));

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e).hasMessage("Nesting of lists and maps at deep" + ".m".repeat(32)
                + " is 33 levels deep; at most 32 levels are supported");
    }

    @Test
    void listsCountAsLevelsToo() {
        AttributeValue value = s("leaf");
        for (int i = 0; i < 33; i++) {
            value = l(value);
        }
        Item item = Item.of(Map.of("list", value));

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.getMessage()).startsWith("Nesting of lists and maps at list" + "[0]".repeat(32) + " is 33");
    }

    @Test
    void depthIsCheckedBeforeSize() {
        Item item = Item.of(Map.of("deep", nestedMaps(40), "big", s("x".repeat(500_000))));

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void survivesAHostilelyDeepItem() {
        Item item = Item.of(Map.of("deep", nestedMaps(100_000)));

        SkiffException e = catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.check(item));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    @Test
    void theOneWalkCheckMeasuresLikeItemSize() {
        Item item = Item.builder().s("pk", "user#1").n("age", 31).put("nums", AttributeValue.ns("1", "23", "456"))
                .put("tags", AttributeValue.ss("a", "bé")).put("ok", AttributeValue.bool(true))
                .put("none", AttributeValue.nul()).put("raw", AttributeValue.b(new byte[] {1, 2, 3}))
                .put("nested", l(s("x"), m(Map.of("ünï", l(AttributeValue.n(7), m(Map.of())))))).build();
        long size = ItemSize.of(item);

        assertThatCode(() -> new ItemLimits(size).checkStored(item)).doesNotThrowAnyException();
        SkiffException e = catchThrowableOfType(SkiffException.class, () -> new ItemLimits(size - 1).checkStored(item));
        assertThat(e.code()).isEqualTo(ErrorCode.ITEM_TOO_LARGE);
        assertThat(e).hasMessage("Item size " + size + " bytes exceeds the limit of " + (size - 1) + " bytes");
    }

    @Test
    void theOneWalkCheckFailsLikeTheNameAndDepthChecks() {
        Item badName = Item.of(Map.of("a", l(s("x"), m(Map.of("", s("y"))))));
        SkiffException name = catchThrowableOfType(SkiffException.class,
                () -> ItemLimits.DEFAULT.checkStored(badName));
        SkiffException expected = catchThrowableOfType(SkiffException.class,
                () -> AttributeNames.validateItem(badName));
        assertThat(name.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(name).hasMessage(expected.getMessage()).hasMessageContaining("at a[1]");

        Item tooDeep = Item.of(Map.of("deep", nestedMaps(33)));
        SkiffException depth = catchThrowableOfType(SkiffException.class,
                () -> ItemLimits.DEFAULT.checkStored(tooDeep));
        assertThat(depth).hasMessage("Nesting of lists and maps at deep" + ".m".repeat(32)
                + " is 33 levels deep; at most 32 levels are supported");
        assertThatCode(() -> ItemLimits.DEFAULT.checkStored(Item.of(Map.of("deep", nestedMaps(32)))))
                .doesNotThrowAnyException();

        // Names first, then depth, then size: the order of the separate checks.
        Item everythingWrong = Item.of(Map.of("deep", nestedMaps(40), "", s("x".repeat(500_000))));
        SkiffException first = catchThrowableOfType(SkiffException.class,
                () -> ItemLimits.DEFAULT.checkStored(everythingWrong));
        assertThat(first.getMessage()).startsWith("Invalid attribute name ''");
        Item deepAndBig = Item.of(Map.of("deep", nestedMaps(40), "big", s("x".repeat(500_000))));
        assertThat(catchThrowableOfType(SkiffException.class, () -> ItemLimits.DEFAULT.checkStored(deepAndBig)))
                .hasMessageStartingWith("Nesting of lists and maps");
    }

    /** Maps nested {@code levels} deep, each holding the next under the name "m". */
    private static AttributeValue nestedMaps(int levels) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < levels; i++) {
            value = m(Map.of("m", value));
        }
        return value;
    }
}
