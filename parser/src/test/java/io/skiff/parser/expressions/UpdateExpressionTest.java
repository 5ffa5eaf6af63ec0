package io.skiff.parser.expressions;

import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.expr.UpdateValue;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateExpressionTest {

    private static final Map<String, String> NAMES = Map.of("#pr", "ProductReviews", "#5star", "FiveStar",
            "#3star", "ThreeStar", "#ri", "RelatedItems");
    private static final Map<String, AttributeValue> VALUES = Map.of(
            ":c", s("Hardware"), ":p", n(75), ":ri", s("Hammer"), ":r5", s("Very happy"), ":r3", s("Just OK"),
            ":vals", AttributeValue.l(s("Screwdriver"), s("Hacksaw")), ":q", n(5),
            ":colors", AttributeValue.ss("Orange", "Purple"), ":zero", n(0), ":one", n(1));

    private static Update update(String text) {
        return new ExpressionParser(NAMES, VALUES).update(text);
    }

    private static Path path(String text) {
        return Path.parse(text);
    }

    @Test
    void documentedSetActions() {
        assertThat(update("SET ProductCategory = :c, Price = :p")).isEqualTo(Update.of(
                UpdateAction.set(path("ProductCategory"), s("Hardware")), UpdateAction.set(path("Price"), n(75))));
        assertThat(update("SET RelatedItems[1] = :ri"))
                .isEqualTo(Update.of(UpdateAction.set(path("RelatedItems[1]"), s("Hammer"))));
        assertThat(update("SET #pr.#5star[1] = :r5, #pr.#3star = :r3")).isEqualTo(Update.of(
                UpdateAction.set(path("ProductReviews.FiveStar[1]"), s("Very happy")),
                UpdateAction.set(path("ProductReviews.ThreeStar"), s("Just OK"))));
    }

    @Test
    void documentedSetValuesWithArithmeticAndFunctions() {
        assertThat(update("SET Price = Price - :p")).isEqualTo(Update.of(UpdateAction.set(path("Price"),
                UpdateValue.minus(UpdateValue.path(path("Price")), UpdateValue.value(n(75))))));
        assertThat(update("SET #ri = list_append(#ri, :vals)")).isEqualTo(Update.of(UpdateAction.set(
                path("RelatedItems"), UpdateValue.listAppend(UpdateValue.path(path("RelatedItems")),
                        UpdateValue.value(AttributeValue.l(s("Screwdriver"), s("Hacksaw")))))));
        assertThat(update("SET Price = if_not_exists(Price, :p)")).isEqualTo(Update.of(UpdateAction.set(
                path("Price"), UpdateValue.ifNotExists(path("Price"), UpdateValue.value(n(75))))));
    }

    @Test
    void documentedRemoveAddAndDelete() {
        assertThat(update("REMOVE Brand, InStock, QuantityOnHand")).isEqualTo(Update.of(
                UpdateAction.remove(path("Brand")), UpdateAction.remove(path("InStock")),
                UpdateAction.remove(path("QuantityOnHand"))));
        assertThat(update("REMOVE RelatedItems[1], RelatedItems[2]")).isEqualTo(Update.of(
                UpdateAction.remove(path("RelatedItems[1]")), UpdateAction.remove(path("RelatedItems[2]"))));
        assertThat(update("ADD QuantityOnHand :q")).isEqualTo(Update.of(UpdateAction.add(path("QuantityOnHand"), n(5))));
        assertThat(update("ADD Color :colors"))
                .isEqualTo(Update.of(UpdateAction.add(path("Color"), AttributeValue.ss("Orange", "Purple"))));
        assertThat(update("DELETE Color :colors"))
                .isEqualTo(Update.of(UpdateAction.delete(path("Color"), AttributeValue.ss("Orange", "Purple"))));
    }

    @Test
    void sectionsMayComeInAnyOrderAndCase() {
        assertThat(update("remove Brand add QuantityOnHand :q set Price = :p")).isEqualTo(Update.of(
                UpdateAction.remove(path("Brand")), UpdateAction.add(path("QuantityOnHand"), n(5)),
                UpdateAction.set(path("Price"), n(75))));
    }

    @Test
    void arithmeticChainsAreLeftAssociativeAndTheUpdateApplies() {
        Update counter = update("SET n = if_not_exists(n, :zero) + :one - :zero");

        assertThat(counter).isEqualTo(Update.of(UpdateAction.set(path("n"), UpdateValue.minus(
                UpdateValue.plus(UpdateValue.ifNotExists(path("n"), UpdateValue.value(n(0))), UpdateValue.value(n(1))),
                UpdateValue.value(n(0))))));
        assertThat(counter.apply(Item.empty())).isEqualTo(Item.builder().put("n", n(1)).build());
        assertThat(counter.apply(Item.builder().put("n", n(41)).build())).isEqualTo(Item.builder().put("n", n(42)).build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET a = :p SET b = :p                  | 12 | The \"SET\" section can only be used once in an update expression",
            "REMOVE a ADD b :q remove c             | 19 | The \"REMOVE\" section can only be used once",
            "SET a = :p REMOVE a                    | 19 | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: a, path two: a",
            "SET a.b = :p, a[1] = :p                | 15 | Two document paths conflict with each other",
            "REMOVE a.b ADD a :q                    | 16 | Two document paths overlap",
            "ADD a :c                               |  5 | Incorrect operand type for operator or function; operator or function: ADD",
            "DELETE a :q                            |  8 | Incorrect operand type for operator or function; operator or function: DELETE",
            "SET a = size(b)                        |  9 | The function is not allowed in an update expression; function: size",
            "SET a = nope(b)                        |  9 | Invalid function name; function: nope",
            "SET a = if_not_exists(:p, :p)          | 23 | Operator or function requires a document path; operator or function: if_not_exists",
            "SET a = list_append(:vals)             |  9 | Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1",
            "SET a = :undefined                     |  9 | An expression attribute value used in expression is not defined; attribute value: :undefined",
            "SET #undefined = :p                    |  5 | An expression attribute name used in the document path is not defined; attribute name: #undefined",
    })
    void invalidUpdatesNameTheProblemAndItsPosition(String text, int column, String message) {
        assertThatThrownBy(() -> update(text))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).startsWith("Invalid UpdateExpression: ").contains(message);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void syntaxErrorsArePositionedToo() {
        assertThatThrownBy(() -> update("SET a = :p,\n    b :p"))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.getMessage()).startsWith("Invalid UpdateExpression: Unexpected value placeholder :p");
                });
    }
}
