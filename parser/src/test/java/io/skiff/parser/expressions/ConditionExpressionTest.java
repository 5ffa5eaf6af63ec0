package io.skiff.parser.expressions;

import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionExpressionTest {

    private static final Map<String, AttributeValue> VALUES = Map.of(
            ":cat1", s("Sporting Goods"), ":cat2", s("Gardening Supplies"), ":lo", n(500), ":hi", n(600),
            ":limit", n(500), ":type", s("L"), ":prefix", s("http://"), ":red", s("Red"), ":twenty", n(20));

    private static Condition condition(String text) {
        return new ExpressionParser(Map.of("#pr", "ProductReviews", "#c", "Color"), VALUES).condition(text);
    }

    private static Operand path(String text) {
        return Operand.path(Path.parse(text));
    }

    @Test
    void documentedComparisonsInAndBetween() {
        assertThat(condition("ProductCategory IN (:cat1, :cat2) and Price between :lo and :hi")).isEqualTo(
                Condition.and(
                        Condition.in(path("ProductCategory"),
                                List.of(Operand.value(s("Sporting Goods")), Operand.value(s("Gardening Supplies")))),
                        Condition.between(path("Price"), Operand.value(n(500)), Operand.value(n(600)))));
        assertThat(condition("Price > :limit")).isEqualTo(Condition.gt(path("Price"), Operand.value(n(500))));
    }

    @Test
    void documentedFunctions() {
        assertThat(condition("attribute_not_exists(Price)")).isEqualTo(Condition.attributeNotExists(Path.parse("Price")));
        assertThat(condition("attribute_exists(#pr.OneStar)"))
                .isEqualTo(Condition.attributeExists(Path.parse("ProductReviews.OneStar")));
        assertThat(condition("attribute_type(#pr.FiveStar, :type)"))
                .isEqualTo(Condition.attributeType(Path.parse("ProductReviews.FiveStar"), AttributeType.L));
        assertThat(condition("begins_with(Pictures.FrontView, :prefix)"))
                .isEqualTo(Condition.beginsWith(Path.parse("Pictures.FrontView"), Operand.value(s("http://"))));
        assertThat(condition("contains(#c, :red)"))
                .isEqualTo(Condition.contains(Path.parse("Color"), Operand.value(s("Red"))));
        assertThat(condition("size(Brand) <= :twenty"))
                .isEqualTo(Condition.le(Operand.size(Path.parse("Brand")), Operand.value(n(20))));
    }

    @Test
    void theConditionTestsItemsAsDynamoDbWould() {
        Condition condition = condition("ProductCategory IN (:cat1, :cat2) and Price between :lo and :hi");

        assertThat(condition.test(Item.builder().s("ProductCategory", "Gardening Supplies").put("Price", n(550)).build()))
                .isTrue();
        assertThat(condition.test(Item.builder().s("ProductCategory", "Books").put("Price", n(550)).build())).isFalse();
        assertThat(condition.test(Item.empty())).isFalse();
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        assertThat(condition("a = :lo OR b = :lo AND NOT c = :lo")).isEqualTo(Condition.or(
                Condition.eq(path("a"), Operand.value(n(500))),
                Condition.and(Condition.eq(path("b"), Operand.value(n(500))),
                        Condition.not(Condition.eq(path("c"), Operand.value(n(500)))))));
        assertThat(condition("(a = :lo OR b = :lo) AND c = :lo")).isEqualTo(Condition.and(
                Condition.or(Condition.eq(path("a"), Operand.value(n(500))), Condition.eq(path("b"), Operand.value(n(500)))),
                Condition.eq(path("c"), Operand.value(n(500)))));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(condition("a BETWEEN :lo AND :hi oR NoT b iN (:lo)"))
                .isEqualTo(condition("a between :lo and :hi OR NOT b IN (:lo)"));
    }

    @Test
    void aNamePlaceholderIsOneAttributeWhateverItHolds() {
        Condition condition = new ExpressionParser(Map.of("#dotted", "a.b", "#odd", "first name"), Map.of(":v", n(1)))
                .condition("#dotted = :v AND #odd.x[2] <> :v");

        assertThat(condition).isEqualTo(Condition.and(
                Condition.eq(Operand.path(Path.attribute("a.b")), Operand.value(n(1))),
                Condition.ne(Operand.path(Path.attribute("first name").child("x").index(2)), Operand.value(n(1)))));
    }

    @Test
    void reservedWordsOfDynamoDbAreAcceptedAsBareNames() {
        // DynamoDB would demand #placeholders for these; Skiff only reserves its grammar's keywords.
        assertThat(condition("name = :red AND size(comment) > :lo")).isEqualTo(Condition.and(
                Condition.eq(path("name"), Operand.value(s("Red"))),
                Condition.gt(Operand.size(Path.parse("comment")), Operand.value(n(500)))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = :nope                       |  5 | An expression attribute value used in expression is not defined; attribute value: :nope",
            "#nope = :lo                     |  1 | An expression attribute name used in the document path is not defined; attribute name: #nope",
            "a.#nope = :lo                   |  3 | attribute name: #nope",
            "frobnicate(a)                   |  1 | Invalid function name; function: frobnicate",
            "BEGINS_WITH(a, :prefix)         |  1 | Invalid function name; function: BEGINS_WITH",
            "begins_with(a)                  |  1 | Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1",
            "attribute_exists(a, b)          |  1 | Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
            "attribute_exists(:lo)           | 18 | Operator or function requires a document path; operator or function: attribute_exists",
            "size(a)                         |  1 | size returns a number and is not a condition",
            "a                               |  1 | A condition is expected here",
            "attribute_exists(a) = :lo       |  1 | The function is not allowed to be used this way in an expression; it is a condition, not an operand; function: attribute_exists",
            "if_not_exists(a, :lo)           |  1 | The function is not allowed in a condition; it belongs to update expressions; function: if_not_exists",
            "begins_with(a, :lo)             |  1 | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
            "a BETWEEN :hi AND :lo           |  1 | The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
            "a < :red OR b > :lo AND c BETWEEN :red AND :lo | 25 | The BETWEEN bounds must have the same type",
            "begins_with(a, :lo + :hi)       | 20 | + and - are only allowed in the SET values of an update expression",
            "attribute_type(a, :red)         |  1 | Unknown attribute type 'Red'",
    })
    void invalidConditionsNameTheProblemAndItsPosition(String text, int column, String message) {
        assertThatThrownBy(() -> condition(text))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).startsWith("Invalid ConditionExpression: ").contains(message);
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void inAcceptsAtMostOneHundredValues() {
        Map<String, AttributeValue> values = new HashMap<>();
        IntStream.range(0, 101).forEach(i -> values.put(":v" + i, n(i)));
        String hundredOne = IntStream.range(0, 101).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));

        assertThatThrownBy(() -> new ExpressionParser(Map.of(), values).condition("a IN (" + hundredOne + ")"))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).contains("IN accepts at most 100 values");
                });
    }

    @Test
    void aFilterExpressionIsNamedInItsErrors() {
        assertThatThrownBy(() -> new ExpressionParser(Map.of(), Map.of()).filter("a = :v"))
                .hasMessageStartingWith("Invalid FilterExpression: An expression attribute value used in expression"
                        + " is not defined");
        assertThatThrownBy(() -> new ExpressionParser(Map.of(), Map.of()).filter("a = "))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).startsWith("Invalid FilterExpression: Unexpected end of expression");
                });
    }
}
