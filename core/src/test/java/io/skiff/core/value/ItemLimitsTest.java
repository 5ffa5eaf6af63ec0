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

    /** Maps nested {@code levels} deep, each holding the next under the name "m". */
    private static AttributeValue nestedMaps(int levels) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < levels; i++) {
            value = m(Map.of("m", value));
        }
        return value;
    }
}
