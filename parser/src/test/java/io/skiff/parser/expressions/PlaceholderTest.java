package io.skiff.parser.expressions;

import static io.skiff.core.value.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholders of one request are shared by its expressions, and every one must be used. */
class PlaceholderTest {

    @Test
    void placeholdersUsedByAnyExpressionOfTheRequestCount() {
        ExpressionParser request = new ExpressionParser(Map.of("#s", "status", "#v", "version"),
                Map.of(":new", n(2), ":old", n(1)));

        request.update("SET #v = :new");
        request.condition("#v = :old AND attribute_exists(#s)");

        assertThatNoException().isThrownBy(request::requireAllPlaceholdersUsed);
    }

    @Test
    void anUnusedValueIsRefused() {
        ExpressionParser request = new ExpressionParser(Map.of(), Map.of(":a", n(1), ":unused", n(2), ":also", n(3)));
        request.condition("x = :a");

        assertThatThrownBy(request::requireAllPlaceholdersUsed)
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).isEqualTo(
                            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:also, :unused}");
                });
    }

    @Test
    void anUnusedNameIsRefused() {
        ExpressionParser request = new ExpressionParser(Map.of("#a", "a", "#b", "b"), Map.of());
        request.projection("#a");

        assertThatThrownBy(request::requireAllPlaceholdersUsed)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
    }

    @Test
    void aPlaceholderOnlyMentionedInAFailedExpressionIsNotUsed() {
        ExpressionParser request = new ExpressionParser(Map.of(), Map.of(":a", n(1)));

        assertThatThrownBy(() -> request.condition("x = :a AND")).isInstanceOf(SkiffException.class);
        assertThatThrownBy(request::requireAllPlaceholdersUsed).hasMessageContaining("{:a}");
    }

    @Test
    void placeholdersAreCaseSensitive() {
        ExpressionParser request = new ExpressionParser(Map.of("#Name", "n"), Map.of(":V", n(1)));

        assertThatThrownBy(() -> request.condition("#name = :V")).hasMessageContaining("attribute name: #name");
        assertThatThrownBy(() -> request.condition("#Name = :v")).hasMessageContaining("attribute value: :v");
    }

    @Test
    void nullKeysOrValuesAreRefused() {
        Map<String, String> names = new HashMap<>();
        names.put("#a", null);

        assertThatThrownBy(() -> new ExpressionParser(names, Map.of()))
                .isInstanceOfSatisfying(SkiffException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
    }
}
