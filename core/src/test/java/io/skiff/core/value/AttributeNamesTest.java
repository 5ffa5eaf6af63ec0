package io.skiff.core.value;

import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeNamesTest {

    @Test
    void acceptsOrdinaryNames() {
        assertThatCode(() -> {
            AttributeNames.validate("pk");
            AttributeNames.validate("a b.c#d");
            AttributeNames.validate("x".repeat(65_535));
            AttributeNames.validateKeyName("x".repeat(255));
        }).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnEmptyName() {
        assertThat(failure(() -> AttributeNames.validate("")))
                .hasMessage("Invalid attribute name '': it may not be empty");
        assertThat(failure(() -> AttributeNames.validateKeyName("")))
                .hasMessage("Invalid key attribute name '': it may not be empty");
    }

    @Test
    void rejectsAMissingName() {
        assertThat(failure(() -> AttributeNames.validate(null))).hasMessage("Attribute name is missing");
    }

    @Test
    void rejectsANameLongerThan65535Bytes() {
        assertThat(failure(() -> AttributeNames.validate("x".repeat(65_536)))).hasMessage(
                "Invalid attribute name '" + "x".repeat(57) + "...': it is 65536 bytes of UTF-8;"
                        + " at most 65535 are allowed");
    }

    @Test
    void countsNameLengthInUtf8Bytes() {
        // 32768 characters but 65536 bytes.
        assertThat(failure(() -> AttributeNames.validate("é".repeat(32_768))).getMessage())
                .contains("65536 bytes of UTF-8");
    }

    @Test
    void rejectsAKeyNameLongerThan255Bytes() {
        assertThat(failure(() -> AttributeNames.validateKeyName("k".repeat(256)))).hasMessage(
                "Invalid key attribute name '" + "k".repeat(57) + "...': it is 256 bytes of UTF-8;"
                        + " at most 255 are allowed");
        assertThat(failure(() -> AttributeNames.validateKeyName("€".repeat(86))).getMessage())
                .contains("258 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Users", "my_table.v2-beta", "0123456789"})
    void acceptsValidTableNames(String name) {
        assertThatCode(() -> AttributeNames.validateTableName(name)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTableNamesOfBothLengthBounds() {
        assertThatCode(() -> AttributeNames.validateTableName("t".repeat(255))).doesNotThrowAnyException();
        assertThatCode(() -> AttributeNames.validateTableName("abc")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "has space", "semi;colon", "größe", "tab\tle", "slash/es"})
    void rejectsInvalidTableNames(String name) {
        assertThat(failure(() -> AttributeNames.validateTableName(name))).hasMessage(
                "Invalid table name '" + name + "': a table name must be 3 to 255 characters"
                        + " of a-z, A-Z, 0-9, '_', '-' and '.'");
    }

    @Test
    void rejectsATableNameLongerThan255Characters() {
        assertThat(failure(() -> AttributeNames.validateTableName("t".repeat(256))).getMessage())
                .startsWith("Invalid table name '" + "t".repeat(57) + "...': ");
        assertThat(failure(() -> AttributeNames.validateTableName(null))).hasMessage("Table name is missing");
    }

    @Test
    void acceptsAnItemWithValidNamesEverywhere() {
        Item item = Item.of(Map.of("a", m(Map.of("b", l(m(Map.of("c", s("x"))))))));

        assertThatCode(() -> AttributeNames.validateItem(item)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnInvalidTopLevelName() {
        Item item = Item.of(Map.of("", s("x")));

        assertThat(failure(() -> AttributeNames.validateItem(item)))
                .hasMessage("Invalid attribute name '': it may not be empty");
    }

    @Test
    void namesTheMapHoldingAnInvalidNestedName() {
        Item item = Item.of(Map.of("address", m(Map.of("rooms", l(s("hall"), m(Map.of("", s("x"))))))));

        assertThat(failure(() -> AttributeNames.validateItem(item)))
                .hasMessage("Invalid attribute name '' at address.rooms[1]: it may not be empty");
    }

    @Test
    void rejectsAnOverlongNestedName() {
        Item item = Item.of(Map.of("m", m(Map.of("n".repeat(70_000), s("x")))));

        assertThat(failure(() -> AttributeNames.validateItem(item)))
                .hasMessage("Invalid attribute name '" + "n".repeat(57) + "...' at m: it is 70000 bytes"
                        + " of UTF-8; at most 65535 are allowed");
    }

    private static SkiffException failure(Executable call) {
        SkiffException e = catchThrowableOfType(SkiffException.class, call::execute);
        assertThat(e).as("expected a SkiffException").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        return e;
    }
}
