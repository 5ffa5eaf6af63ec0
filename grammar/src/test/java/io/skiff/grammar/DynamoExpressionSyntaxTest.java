package io.skiff.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoExpressionSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // DynamoDB's documented examples
            "attribute_not_exists(Price)",
            "attribute_exists(ProductReviews.OneStar)",
            "attribute_type(ProductReviews.FiveStar, :v_sub)",
            "begins_with(Pictures.FrontView, :v_sub)",
            "contains(Color, :v_sub)",
            "size(Brand) <= :v_sub",
            "ProductCategory IN (:cat1, :cat2) and Price between :lo and :hi",
            "Price > :limit",
            "(ProductCategory IN (:cat1, :cat2)) AND (Price BETWEEN :lo AND :hi)",
            "#pr.FiveStar[0] <> :v AND NOT attribute_exists(#c)",
            "a = :v OR b = :w AND NOT c <> :x",
            "a.b[12].#c >= :v",
    })
    void parsesConditions(String condition) {
        assertThat(DynamoExpressionSyntax.parseCondition(condition, "ConditionExpression").condition())
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SET ProductCategory = :c, Price = :p",
            "SET RelatedItems[1] = :ri",
            "SET #pr.FiveStar = list_append(#pr.FiveStar, :r)",
            "SET Price = Price - :p",
            "SET Price = if_not_exists(Price, :p)",
            "REMOVE Brand, InStock, QuantityOnHand",
            "REMOVE RelatedItems[1], RelatedItems[2]",
            "ADD QuantityOnHand :q",
            "ADD Color :c",
            "DELETE Color :p",
            "SET a = :v REMOVE b ADD c :n DELETE d :s",
            "set a=:v remove b add c :n delete d :s",
            "SET n = if_not_exists(n, :zero) + :one",
    })
    void parsesUpdates(String update) {
        assertThat(DynamoExpressionSyntax.parseUpdate(update).updateSection()).isNotEmpty();
    }

    @Test
    void parsesProjections() {
        var projection = DynamoExpressionSyntax.parseProjection("Title, Price, #c, RelatedItems[0], ProductReviews.FiveStar");

        assertThat(projection.path()).hasSize(5);
        assertThat(projection.path(3).pathStep(0).getText()).isEqualTo("[0]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ConditionExpression | a = 5                | 1 |  5 | Invalid ConditionExpression: Unexpected number 5, expected an operand (values are written as placeholders",
            "ConditionExpression | a =                  | 1 |  4 | Invalid ConditionExpression: Unexpected end of expression, expected an operand",
            "FilterExpression    | a = :v b             | 1 |  8 | Invalid FilterExpression: Unexpected name 'b', expected",
            "ConditionExpression | a IN :v              | 1 |  6 | Unexpected value placeholder :v, expected '('",
            "ConditionExpression | a != :v              | 1 |  3 | Unexpected character '!'",
            "ConditionExpression | (a = :v              | 1 |  8 | Unexpected end of expression, expected",
            "ConditionExpression | set = :v             | 1 |  1 | set is a reserved word; use an expression attribute name",
            "KeyConditionExpression | pk = :v AND       | 1 | 12 | Invalid KeyConditionExpression: Unexpected end of expression, expected an operand",
    })
    void conditionErrorsNameTheTokenAndPosition(String kind, String text, int line, int column, String message) {
        assertThatThrownBy(() -> DynamoExpressionSyntax.parseCondition(text, kind))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SET a :v            |  7 | Invalid UpdateExpression: Unexpected value placeholder :v, expected '='",
            "REMOVE              |  7 | Unexpected end of expression, expected an attribute name",
            "ADD a               |  6 | Unexpected end of expression, expected a value placeholder",
            "SET a = :v,         | 12 | Unexpected end of expression, expected an attribute name",
            "UPDATE a = :v       |  1 | Unexpected name 'UPDATE', expected ADD, DELETE, REMOVE or SET",
            "SET a[x] = :v       |  7 | Unexpected name 'x', expected a number",
    })
    void updateErrorsNameTheTokenAndPosition(String text, int column, String message) {
        assertThatThrownBy(() -> DynamoExpressionSyntax.parseUpdate(text))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void anEmptyExpressionIsAValidationError() {
        assertThatThrownBy(() -> DynamoExpressionSyntax.parseProjection("  "))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).isEqualTo("Invalid ProjectionExpression: The expression can not be empty;");
                });
    }
}
