package io.skiff.parser.partiql;

import static io.skiff.parser.partiql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteStatementTest {

    @Test
    void documentedInsert() {
        Statement statement = parse("INSERT INTO \"Music\" value {'Artist' : 'Acme Band','SongTitle' : 'PartiQL Rocks'}");

        assertSameTree(statement, new Statement.Insert(table("Music"), lit(AttributeValue.m(Map.of(
                "Artist", AttributeValue.s("Acme Band"), "SongTitle", AttributeValue.s("PartiQL Rocks")))), P));
    }

    @Test
    void documentedInsertOfEveryLiteralType() {
        var insert = (Statement.Insert) parse("INSERT INTO TypesTable value {'primarykey':'1', 'NumberType':1,"
                + " 'MapType' : {'entryname1': 'value', 'entryname2': 4}, 'ListType': [1,'stringval'],"
                + " 'NumberSetType':<<1,34,32,4.5>>, 'StringSetType':<<'stringval','stringval2'>> }");

        var item = (io.skiff.core.value.MapValue) ((Expr.Literal) insert.item()).value();
        assertThat(item.values()).containsExactly(
                Map.entry("primarykey", AttributeValue.s("1")),
                Map.entry("NumberType", AttributeValue.n(1)),
                Map.entry("MapType", AttributeValue.m(Map.of("entryname1", AttributeValue.s("value"),
                        "entryname2", AttributeValue.n(4)))),
                Map.entry("ListType", AttributeValue.l(AttributeValue.n(1), AttributeValue.s("stringval"))),
                Map.entry("NumberSetType", AttributeValue.ns("1", "34", "32", "4.5")),
                Map.entry("StringSetType", AttributeValue.ss("stringval", "stringval2")));
    }

    @Test
    void anInsertWithParametersKeepsTheStruct() {
        var insert = (Statement.Insert) parse("INSERT INTO \"Users\" VALUE {'pk': ?, 'name': 'Ova', 'tags': [?, 'x']}");

        assertSameTree(insert.item(), new Expr.Struct(List.of(field("pk", param(0)), field("name", s("Ova")),
                field("tags", new Expr.ListOf(List.of(param(1), s("x")), P))), P));
        assertThat(insert.parameterCount()).isEqualTo(2);
    }

    @Test
    void documentedUpdateWithRepeatedSetAndReturning() {
        Statement statement = parse("UPDATE \"Music\" SET AwardsWon=1 SET AwardDetail={'Grammys':[2020, 2018]}"
                + " WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks' RETURNING ALL OLD *");

        assertSameTree(statement, new Statement.Update(table("Music"), List.of(
                new Statement.Update.Set(path("AwardsWon"), n("1"), P),
                new Statement.Update.Set(path("AwardDetail"), lit(AttributeValue.m(Map.of("Grammys",
                        AttributeValue.l(AttributeValue.n(2020), AttributeValue.n(2018))))), P)),
                and(eq(path("Artist"), s("Acme Band")), eq(path("SongTitle"), s("PartiQL Rocks"))),
                ReturnValues.ALL_OLD, P));
    }

    @Test
    void documentedUpdateFunctionsAndRemove() {
        var update = (Statement.Update) parse("UPDATE TypesTable SET NumberType=NumberType - 1 REMOVE ListType[1]"
                + " REMOVE MapType.NewMapEntry SET NumberSetType = SET_DELETE( NumberSetType, <<345>>)"
                + " SET StringSetType = set_add(StringSetType, <<'a', 'b'>>)"
                + " SET ListType2 = LIST_APPEND(ListType2, [4, <<'string1', 'string2'>>]) WHERE primarykey='1'");

        assertSameTree(update.actions(), List.of(
                new Statement.Update.Set(path("NumberType"), minus(path("NumberType"), n("1")), P),
                new Statement.Update.Remove(path("ListType[1]"), P),
                new Statement.Update.Remove(path("MapType.NewMapEntry"), P),
                new Statement.Update.Set(path("NumberSetType"),
                        call(PartiQLFunction.SET_DELETE, path("NumberSetType"), lit(AttributeValue.ns("345"))), P),
                new Statement.Update.Set(path("StringSetType"),
                        call(PartiQLFunction.SET_ADD, path("StringSetType"), lit(AttributeValue.ss("a", "b"))), P),
                new Statement.Update.Set(path("ListType2"), call(PartiQLFunction.LIST_APPEND, path("ListType2"),
                        lit(AttributeValue.l(AttributeValue.n(4), AttributeValue.ss("string1", "string2")))), P)));
        assertThat(update.returning()).isEqualTo(ReturnValues.NONE);
    }

    @Test
    void commaSeparatedActionsEqualRepeatedKeywords() {
        assertSameTree(parse("UPDATE t SET a = 1, b = 2 REMOVE c, d WHERE pk = 1"),
                parse("UPDATE t SET a = 1 SET b = 2 REMOVE c REMOVE d WHERE pk = 1"));
    }

    @Test
    void arithmeticIsLeftAssociativeAndParenthesesGroup() {
        assertSameTree(setValue("a + 1 - b"), minus(plus(path("a"), n("1")), path("b")));
        assertSameTree(setValue("a - (1 + b)"), minus(path("a"), plus(n("1"), path("b"))));
        assertSameTree(setValue("n-1"), minus(path("n"), n("1")));
        assertSameTree(setValue("-1 - -2"), minus(n("-1"), n("-2")));
    }

    @ParameterizedTest
    @CsvSource({
            "RETURNING ALL OLD *,      ALL_OLD",
            "RETURNING MODIFIED OLD *, MODIFIED_OLD",
            "returning all new *,      ALL_NEW",
            "RETURNING MODIFIED NEW *, MODIFIED_NEW",
    })
    void updateAcceptsEveryReturningForm(String clause, ReturnValues expected) {
        var update = (Statement.Update) parse("UPDATE t SET a = 1 WHERE pk = 1 " + clause);

        assertThat(update.returning()).isEqualTo(expected);
        assertThat(expected.clause()).isEqualToIgnoringCase(clause);
    }

    @Test
    void documentedDelete() {
        Statement statement = parse("DELETE FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks'"
                + " RETURNING ALL OLD *");

        assertSameTree(statement, new Statement.Delete(table("Music"),
                and(eq(path("Artist"), s("Acme Band")), eq(path("SongTitle"), s("PartiQL Rocks"))),
                ReturnValues.ALL_OLD, P));
    }

    @Test
    void documentedTransactionConditionCheck() {
        Statement statement = parse("EXISTS(SELECT * FROM \"Music\" where Artist='No One You Know'"
                + " and SongTitle='Call Me Today' and Awards is  MISSING)");

        assertSameTree(statement, new Statement.ExistsCheck(new Statement.Select(List.of(), table("Music"),
                Optional.of(and(eq(path("Artist"), s("No One You Know")), eq(path("SongTitle"), s("Call Me Today")),
                        new Expr.Is(path("Awards"), Expr.Is.Kind.MISSING, false, P))), List.of(), P), false, P));
        assertThat(statement.table().table()).isEqualTo("Music");
    }

    @Test
    void aNegatedConditionCheck() {
        var check = (Statement.ExistsCheck) parse("NOT EXISTS(SELECT * FROM t WHERE pk = ?)");

        assertThat(check.negated()).isTrue();
        assertThat(check.parameterCount()).isEqualTo(1);
    }
}
