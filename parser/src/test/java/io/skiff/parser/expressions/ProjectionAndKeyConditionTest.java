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
import io.skiff.core.expr.Projection;
import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionAndKeyConditionTest {

    private static final TableSchema THREAD = TableSchema.of("Thread",
            KeyAttribute.of("ForumName", AttributeType.S), KeyAttribute.of("Subject", AttributeType.S));
    private static final TableSchema COUNTERS = TableSchema.of("Counters", KeyAttribute.of("id", AttributeType.N));
    private static final Map<String, AttributeValue> VALUES = Map.of(":name", s("Amazon DynamoDB"),
            ":sub", s("DynamoDB Thread 1"), ":sub2", s("DynamoDB Thread 9"), ":prefix", s("DynamoDB"), ":n", n(7));

    private static KeyCondition keyCondition(String text, TableSchema table) {
        return new ExpressionParser(Map.of("#f", "ForumName"), VALUES).keyCondition(text, table);
    }

    @Test
    void documentedProjection() {
        Projection projection = new ExpressionParser(Map.of("#pr", "ProductReviews"), Map.of())
                .projection("Description, RelatedItems[0], #pr.FiveStar");

        assertThat(projection.paths()).containsExactly(Path.parse("Description"), Path.parse("RelatedItems[0]"),
                Path.parse("ProductReviews.FiveStar"));
    }

    @Test
    void overlappingProjectionPathsAreRefusedAtTheSecond() {
        assertThatThrownBy(() -> new ExpressionParser(Map.of(), Map.of()).projection("a, b.c, b"))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.getMessage()).startsWith("Invalid ProjectionExpression: Two document paths overlap");
                });
    }

    @Test
    void partitionKeyOnly() {
        KeyCondition condition = keyCondition("ForumName = :name", THREAD);

        assertThat(condition).isEqualTo(new KeyCondition("ForumName", s("Amazon DynamoDB"), Optional.empty()));
        assertThat(condition.toCondition().test(Item.builder().s("ForumName", "Amazon DynamoDB").build())).isTrue();
    }

    @Test
    void everySortKeyOperator() {
        assertThat(keyCondition("#f = :name AND Subject = :sub", THREAD).sortKey()).contains(
                new SortKeyCondition("Subject", SortKeyCondition.Operator.EQ, s("DynamoDB Thread 1"), Optional.empty()));
        assertThat(keyCondition("ForumName = :name and Subject <= :sub", THREAD).sortKey().orElseThrow().operator())
                .isEqualTo(SortKeyCondition.Operator.LE);
        assertThat(keyCondition("Subject > :sub AND ForumName = :name", THREAD).sortKey().orElseThrow().operator())
                .isEqualTo(SortKeyCondition.Operator.GT);
        assertThat(keyCondition("ForumName = :name AND (Subject BETWEEN :sub AND :sub2)", THREAD).sortKey())
                .contains(new SortKeyCondition("Subject", SortKeyCondition.Operator.BETWEEN, s("DynamoDB Thread 1"),
                        Optional.of(s("DynamoDB Thread 9"))));
        KeyCondition prefix = keyCondition("ForumName = :name AND begins_with(Subject, :prefix)", THREAD);
        assertThat(prefix.sortKey()).contains(
                new SortKeyCondition("Subject", SortKeyCondition.Operator.BEGINS_WITH, s("DynamoDB"), Optional.empty()));
        assertThat(prefix.toCondition()).isEqualTo(Condition.and(
                Condition.eq(Operand.path(Path.attribute("ForumName")), Operand.value(s("Amazon DynamoDB"))),
                Condition.beginsWith(Path.attribute("Subject"), Operand.value(s("DynamoDB")))));
    }

    @Test
    void anIndexKeyIsGivenAsKeyAttributes() {
        KeyCondition condition = new ExpressionParser(Map.of(), VALUES).keyCondition("LastPostBy = :name",
                KeyAttribute.of("LastPostBy", AttributeType.S), Optional.empty());

        assertThat(condition.partitionKey()).isEqualTo("LastPostBy");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Subject = :sub                                    |  1 | Query condition missed key schema element: ForumName",
            "ForumName = :name OR Subject = :sub               | 19 | Invalid operator used in KeyConditionExpression: OR",
            "NOT ForumName = :name                             |  1 | Invalid operator used in KeyConditionExpression: NOT",
            "ForumName IN (:name)                              |  1 | Invalid operator used in KeyConditionExpression: IN",
            "ForumName = :name AND attribute_exists(Subject)   | 23 | Invalid operator used in KeyConditionExpression: attribute_exists",
            "ForumName = :name AND contains(Subject, :sub)     | 23 | Invalid operator used in KeyConditionExpression: contains",
            "ForumName = :name AND ForumName = :name           | 23 | KeyConditionExpressions must only contain one condition per key",
            "ForumName = :name AND Subject = :sub AND Subject = :sub2 | 42 | KeyConditionExpressions must only contain one condition per key",
            "ForumName = :name AND Views > :n                  | 23 | Query key condition not supported: Views is not a key attribute; the key is ForumName, Subject",
            "ForumName.x = :name                               |  1 | Query key condition not supported: ForumName.x is not a key attribute",
            "ForumName > :name                                 |  1 | the partition key ForumName must be compared with =",
            "ForumName = :name AND Subject <> :sub             | 23 | Unsupported operator on KeyConditionExpression: operator: <>",
            "ForumName = :n                                    |  1 | Condition parameter type does not match schema type; ForumName is S but the value is N",
            ":name = ForumName                                 |  1 | A key condition compares a key attribute with a value, as in pk = :v",
            "ForumName = :name AND Subject BETWEEN :sub2 AND :sub | 23 | The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
    })
    void keyConditionsOfTheWrongShapeAreRefused(String text, int column, String message) {
        assertThatThrownBy(() -> keyCondition(text, THREAD))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).startsWith("Invalid KeyConditionExpression: ").contains(message);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void beginsWithNeedsAStringOrBinarySortKey() {
        TableSchema numbered = TableSchema.of("Events", KeyAttribute.of("pk", AttributeType.S),
                KeyAttribute.of("seq", AttributeType.N));

        assertThatThrownBy(() -> new ExpressionParser(Map.of(), Map.of(":p", s("x"), ":s", n(1)))
                .keyCondition("pk = :p AND begins_with(seq, :s)", numbered))
                .hasMessageContaining("operator or function: begins_with, operand type: N");
        assertThat(new ExpressionParser(Map.of(), Map.of(":n", n(7))).keyCondition("id = :n", COUNTERS).partitionValue())
                .isEqualTo(n(7));
    }

    @Test
    void keyConditionPredicatesMayBeParenthesized() {
        assertThat(keyCondition("(ForumName = :name) AND ((Subject < :sub))", THREAD).sortKey().orElseThrow().value())
                .isEqualTo(s("DynamoDB Thread 1"));
        assertThat(List.of(SortKeyCondition.Operator.values())).hasSize(7);
    }
}
