package io.skiff.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartiQLSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // DynamoDB's documented examples
            "SELECT OrderID, Total FROM \"Orders\" WHERE OrderID = 1",
            "SELECT OrderID, Total FROM \"Orders\" WHERE OrderID = 1 OR OrderID = 2",
            "SELECT * FROM \"Orders\" WHERE OrderID IN [100, 300, 234]",
            "SELECT * FROM \"Orders\" WHERE OrderID > 1",
            "SELECT * FROM \"TableName\".\"IndexName\"",
            "SELECT * FROM \"Orders\" WHERE OrderID = 100 and Address='some address'",
            "SELECT OrderID, Total FROM \"Orders\" WHERE OrderID IN [1, 2, 3] ORDER BY OrderID DESC",
            "SELECT Devices.FireStick.DateWatched[0] FROM WatchList WHERE CustomerID= 'C1' AND MovieID= 'M1'",
            "INSERT INTO TypesTable value {'primarykey':'1', 'NumberType':1, 'MapType' : {'entryname1': 'value',"
                    + " 'entryname2': 4}, 'ListType': [1,'stringval'], 'NumberSetType':<<1,34,32,4.5>>,"
                    + " 'StringSetType':<<'stringval','stringval2'>> }",
            "UPDATE TypesTable SET NumberType=NumberType + 100 SET MapType.NewMapEntry=[2020, 'stringvalue', 2.4]"
                    + " SET ListType = LIST_APPEND(ListType, [4, <<'string1', 'string2'>>])"
                    + " SET NumberSetType= SET_ADD(NumberSetType, <<345, 48.4>>)"
                    + " SET StringSetType = SET_ADD(StringSetType, <<'stringsetvalue1', 'stringsetvalue2'>>)"
                    + " WHERE primarykey='1'",
            "UPDATE TypesTable SET NumberType=NumberType - 1 REMOVE ListType[1] REMOVE MapType.NewMapEntry"
                    + " SET NumberSetType = SET_DELETE( NumberSetType, <<345>>) WHERE primarykey='1'",
            "UPDATE \"Music\" SET AwardsWon=1 SET AwardDetail={'Grammys':[2020, 2018]} WHERE Artist='Acme Band'"
                    + " AND SongTitle='PartiQL Rocks' RETURNING ALL OLD *",
            "UPDATE \"Music\" REMOVE AwardDetail.Grammys[2] WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'",
            "DELETE FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks'"
                    + " RETURNING ALL OLD *",
            "INSERT INTO \"Music\" value {'Artist' : 'Acme Band','SongTitle' : 'PartiQL Rocks'}",
            "EXISTS(SELECT * FROM \"Music\" where Artist='No One You Know' and SongTitle='Call Me Today'"
                    + " and Awards is MISSING)",
            "SELECT * FROM \"Orders\" WHERE \"OrderID\" = 1 AND \"Address\" IS NOT MISSING",
            "SELECT * FROM \"Orders\" WHERE attribute_type(\"Address\", 'S')",
            "SELECT * FROM \"Orders\" WHERE begins_with(\"Address\", '7834 24th')",
            "SELECT * FROM \"Orders\" WHERE contains(\"Address\", 'Kirkland')",
            "SELECT * FROM \"Orders\" WHERE size(\"Image\") BETWEEN 500 AND 1000",
            // more of the dialect
            "select * from Users where pk = ? and n <> 1 and m != 2 and a < 1 and b <= 2 and c > 3 and d >= 4",
            "SELECT * FROM t WHERE a NOT BETWEEN -1.5e-3 AND +2E10 AND b NOT IN (1, 2) AND c IS NULL",
            "SELECT * FROM t WHERE NOT (a = 1 OR b = 2) AND c IS NOT NULL;",
            "SELECT a.b[1].c, \"odd name\".x FROM t ORDER BY a ASC, b",
            "UPDATE t SET a = {'k': [?, <<?>>], 'm': missing} WHERE pk = ? RETURNING MODIFIED NEW *",
            "SELECT * FROM t WHERE x = {} AND y = [] AND z = <<>>",
            "NOT EXISTS(SELECT * FROM t WHERE pk = 1)",
            // keywords that mean something in one spot only are names elsewhere
            "SELECT value, old, new, all, desc, asc, by, modified FROM value WHERE value = 1 ORDER BY desc DESC",
            "INSERT INTO value VALUE {'value': 1}",
            "UPDATE old SET new = old + 1 REMOVE all WHERE value = 1 RETURNING ALL OLD *",
    })
    void parsesTheDialect(String statement) {
        assertThat(PartiQLSyntax.parse(statement).getChildCount()).isGreaterThan(1);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        var tree = PartiQLSyntax.parse("sElEcT * FrOm t wHeRe a Is NoT mIsSiNg OrDeR bY a DeSc");

        assertThat(tree.select().whereClause()).isNotNull();
        assertThat(tree.select().orderByClause().orderItem(0).DESC()).isNotNull();
    }

    @Test
    void orderByADistanceWithLimitParsesAndLimitStaysANameElsewhere() {
        var select = PartiQLSyntax.parse("SELECT * FROM t WHERE limit > 1 ORDER BY cosine(v, ?) ASC LIMIT ?").select();

        assertThat(select.orderByClause().orderItem(0).primary()).isInstanceOf(PartiQLParser.FunctionCallContext.class);
        assertThat(select.limitClause().primary().getText()).isEqualTo("?");
        assertThat(PartiQLSyntax.parse("SELECT limit FROM t LIMIT 3").select().limitClause()).isNotNull();
    }

    @Test
    void keepsTheTextOfQuotedNamesStringsAndComments() {
        var select = PartiQLSyntax.parse("""
                -- a line comment
                SELECT "Odd ""name"".x" /* a block
                comment */ FROM "my.Table"."By-City" WHERE a = 'it''s'
                """).select();

        assertThat(select.tableName().name(0).getText()).isEqualTo("\"my.Table\"");
        assertThat(select.tableName().name(1).getText()).isEqualTo("\"By-City\"");
        assertThat(select.projection().getText()).isEqualTo("\"Odd \"\"name\"\".x\"");
        assertThat(select.whereClause().getText()).endsWith("'it''s'");
    }

    @Test
    void aMinusBetweenOperandsIsASubtraction() {
        var set = (PartiQLParser.SetClauseContext) PartiQLSyntax.parse("UPDATE t SET n = n-1 WHERE pk = 1")
                .update().updateClause(0);
        var predicate = (PartiQLParser.PredicateExpressionContext) set.assignment(0).expression()
                .andExpression(0).notExpression(0);

        assertThat(predicate.predicate().additive().primary()).extracting(p -> p.getText())
                .containsExactly("n", "1");
        assertThat(predicate.predicate().additive().MINUS()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "SELECT a b FROM t                        | 1 | 10 | Unexpected name 'b', expected FROM",
            "SELECT * FROM t WHERE a = 1 AND          | 1 | 32 | Unexpected end of statement, expected an expression",
            "SELECT * FROM t WHERE a = 'abc           | 1 | 27 | Unterminated string",
            "SELECT * FROM t WHERE \"a = 1            | 1 | 23 | Unterminated quoted name",
            "SELECT * FROM t WHERE a = #x             | 1 | 27 | Unexpected character '#'",
            "SELECT * FROM t /* never closed          | 1 | 17 | Unterminated comment",
            "DELETE FROM t WHERE pk = 1 LIMIT 1       | 1 | 28 | LIMIT is supported only in a SELECT's ORDER BY",
            "SELECT * FROM order                      | 1 | 15 | order is a reserved word; write it in double quotes",
            "UPDATE t SET set = 1 WHERE pk = 1        | 1 | 14 | set is a reserved word; write it in double quotes",
            "DELETE FROM t                            | 1 | 14 | Unexpected end of statement, expected WHERE",
            "UPDATE t WHERE pk = 1                    | 1 | 10 | Unexpected keyword WHERE, expected REMOVE or SET",
            "UPDATE t SET a = WHERE pk = 1            | 1 | 18 | Unexpected keyword WHERE, expected an expression",
            "INSERT INTO t VALUES (1, 2)              | 1 | 15 | Unexpected name 'VALUES', expected VALUE (INSERT takes one item",
            "SELECT * FROM t WHERE a = 1 2            | 1 | 29 | Unexpected number 2, expected ';' or end of statement",
            "SELECT                                   | 1 |  7 | Unexpected end of statement, expected an expression or '*'",
            "SELECT * FROM t WHERE a IN 1             | 1 | 28 | Unexpected number 1, expected '(' or '['",
            "SELECT * FROM t WHERE a[x] = 1           | 1 | 25 | Unexpected name 'x', expected a number",
            "SELECT * FROM t WHERE a IS 1             | 1 | 28 | Unexpected number 1, expected MISSING, NOT or NULL",
            "UPDATE t SET a = 1 WHERE pk = 1 RETURNING ALL * | 1 | 47 | Unexpected '*', expected NEW or OLD",
            "`SELECT * FROM t WHERE a = 'it''s` | 1 | 27 | Unterminated string",
            "SELECT * FROM t WHERE a LIKE 'x%'        | 1 | 25 | LIKE is not supported; use begins_with",
            "SELECT * FROM t t2                       | 1 | 17 | Unexpected name 't2', expected",
            "                                         | 1 |  1 | Unexpected end of statement, expected",
    })
    void syntaxErrorsNameTheTokenAndWhatWasExpected(String statement, int line, int column, String message) {
        assertThatThrownBy(() -> PartiQLSyntax.parse(statement == null ? "" : statement))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).contains(message)
                            .endsWith(" at line " + line + ", column " + column)
                            .doesNotContain("mismatched input", "expecting {", "no viable alternative");
                });
    }

    @Test
    void positionsCountLinesAndColumnsFromOne() {
        assertThatThrownBy(() -> PartiQLSyntax.parse("SELECT *\n  FROM t\n  WHERE a = = 1"))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.getMessage()).startsWith("Unexpected '=', expected an expression");
                });
    }

    @Test
    void columnsCountCharactersNotBytes() {
        assertThatThrownBy(() -> PartiQLSyntax.parse("SELECT * FROM t WHERE a = 'ünï😀' b"))
                .isInstanceOfSatisfying(SkiffException.class, e -> assertThat(e.column()).isEqualTo(34));
    }

    @Test
    void printsNothingOnStandardError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String bad : new String[] {"SELECT", "SELECT * FROM t WHERE a = 'x", "DELETE t", "#", "a b c"}) {
                assertThatThrownBy(() -> PartiQLSyntax.parse(bad)).isInstanceOf(SkiffException.class);
            }
            PartiQLSyntax.parse("SELECT * FROM t");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
